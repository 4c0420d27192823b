/**
 * The reader's gloss settings as the content script reaches them: kept by the background in the settings store
 * (which 163.com cannot read) and shared by every tab; a change made in one tab reaches the others as a
 * `page/settings-changed` notice, on which the tab reads them again.
 */
import type { CallBackground } from '../../extension/messaging/client';
import type { GlossSettings } from '../../core/model/gloss';

/** The stored settings; null when none are stored (the reader never used the gloss) or the background is away. */
export async function loadGlossSettings(call: CallBackground): Promise<GlossSettings | null> {
  const read = await call('settings/read', {});
  return read.ok ? read.value.gloss : null;
}

/** Stores `settings` for every tab and later visits; resolves to the failure's message, or null. */
export async function saveGlossSettings(call: CallBackground, settings: GlossSettings): Promise<string | null> {
  const written = await call('settings/write', { gloss: settings });
  return written.ok ? null : written.error.message;
}
