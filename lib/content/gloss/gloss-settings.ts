/**
 * The reader's gloss settings in extension storage (`browser.storage.local`, which 163.com cannot read), shared by
 * every tab: a change in one tab reaches the others through `storage.onChanged`.
 */
import { browser } from 'wxt/browser';
import { GLOSS_MODES, type GlossMode, type GlossSettings } from '../../core/model/gloss';

/** The storage key. */
export const GLOSS_SETTINGS_KEY = 'glossSettings';

/** Gloss off; word glosses with both lines once it is on. */
export const DEFAULT_GLOSS_SETTINGS: Readonly<GlossSettings> = { on: false, pinyin: true, english: true, mode: 'words' };

/** The settings in a stored value: each switch that is a boolean there, the mode when it is a known one, the default for the rest. */
export function readGlossSettings(stored: unknown): GlossSettings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const pick = (key: 'on' | 'pinyin' | 'english') => (typeof value[key] === 'boolean' ? value[key] : DEFAULT_GLOSS_SETTINGS[key]);
  const mode = GLOSS_MODES.includes(value.mode as GlossMode) ? (value.mode as GlossMode) : DEFAULT_GLOSS_SETTINGS.mode;
  return { on: pick('on'), pinyin: pick('pinyin'), english: pick('english'), mode };
}

/** The stored settings; null when none are stored (the reader never used the gloss). */
export async function loadGlossSettings(): Promise<GlossSettings | null> {
  const stored = (await browser.storage.local.get(GLOSS_SETTINGS_KEY))[GLOSS_SETTINGS_KEY];
  return stored === undefined ? null : readGlossSettings(stored);
}

/** Stores `settings` for every tab and later visits. */
export function saveGlossSettings(settings: GlossSettings): Promise<void> {
  return browser.storage.local.set({ [GLOSS_SETTINGS_KEY]: settings });
}

/** Calls `listener` with the new settings whenever any tab stores them; returns a function that stops listening. */
export function onGlossSettingsChanged(listener: (settings: GlossSettings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(GLOSS_SETTINGS_KEY in changes)) return;
    listener(readGlossSettings(changes[GLOSS_SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
