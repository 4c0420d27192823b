import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { vi } from 'vitest';
import type { CallBackground } from '../../../lib/extension/messaging/client';
import { settingsMessages } from '../../../lib/background/settings/settings-messages';
import type { RequestContext } from '../../../lib/background/messaging/request-context';
import { loadGlossSettings, saveGlossSettings } from '../../../lib/content/gloss/gloss-settings';
import { readGlossSettings } from '../../../lib/core/model/settings';
import { DEFAULT_GLOSS_SETTINGS } from '../../../lib/core/model/gloss';
import type { Result } from '../../../lib/extension/messaging/messages';
import { openAnnotationDb } from '../../../storage/db';
import { feedBackend } from '../messaging/router-harness';

beforeEach(() => fakeBrowser.reset());

describe('gloss settings', () => {
  it('reads each switch that is a boolean and defaults the rest', () => {
    expect(readGlossSettings(undefined)).toEqual(DEFAULT_GLOSS_SETTINGS);
    expect(readGlossSettings({ on: true, pinyin: 'yes', english: false, extra: 1 })).toEqual({
      on: true,
      pinyin: true,
      english: false,
      mode: 'words',
    });
  });

  it('reads a known mode and defaults an unknown one to word glosses', () => {
    expect(readGlossSettings({ mode: 'paragraphs' }).mode).toBe('paragraphs');
    expect(readGlossSettings({ mode: 'words' }).mode).toBe('words');
    expect(readGlossSettings({ mode: 'sentences' }).mode).toBe('words');
    expect(readGlossSettings({ mode: 1 }).mode).toBe('words');
  });

  it('stores the settings through the background, which tells the other tabs of the change', async () => {
    const db = openAnnotationDb(`test-${crypto.randomUUID()}`);
    const notifySettingsChanged = vi.fn(async (_exceptTabId: number | undefined) => {});
    const context = { tabId: 3, services: { feed: feedBackend(db, notifySettingsChanged) } } as unknown as RequestContext;
    const call = (async (type: string, payload: never): Promise<Result<unknown>> => ({
      ok: true,
      value: await settingsMessages.find((m) => m.name === type)!.handle(payload, context),
    })) as CallBackground;

    expect(await loadGlossSettings(call)).toBeNull();
    expect(await saveGlossSettings(call, { on: true, pinyin: false, english: true, mode: 'words' as const })).toBeNull();
    expect(await loadGlossSettings(call)).toEqual({ on: true, pinyin: false, english: true, mode: 'words' as const });
    expect(notifySettingsChanged).toHaveBeenCalledExactlyOnceWith(3);
    // Nothing is kept where 163.com's content scripts' neighbours could read it.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await db.delete();
  });

  it('reads as never used, and says why a save failed, when the background cannot be reached', async () => {
    const away = (async (): Promise<Result<unknown>> => ({
      ok: false,
      error: { code: 'no-receiver', message: 'The background is away.' },
    })) as CallBackground;
    expect(await loadGlossSettings(away)).toBeNull();
    expect(await saveGlossSettings(away, DEFAULT_GLOSS_SETTINGS)).toBe('The background is away.');
  });
});
