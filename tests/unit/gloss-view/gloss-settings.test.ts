import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_GLOSS_SETTINGS,
  GLOSS_SETTINGS_KEY,
  loadGlossSettings,
  onGlossSettingsChanged,
  readGlossSettings,
  saveGlossSettings,
} from '../../../lib/content/gloss/gloss-settings';

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

  it('stores the settings and tells listeners of changes, until they stop listening', async () => {
    expect(await loadGlossSettings()).toBeNull();
    const listener = vi.fn();
    const stop = onGlossSettingsChanged(listener);
    await saveGlossSettings({ on: true, pinyin: false, english: true, mode: 'words' as const });
    expect(await loadGlossSettings()).toEqual({ on: true, pinyin: false, english: true, mode: 'words' as const });
    await vi.waitFor(() =>
      expect(listener).toHaveBeenCalledWith({ on: true, pinyin: false, english: true, mode: 'words' as const }),
    );
    stop();
    await fakeBrowser.storage.local.set({ [GLOSS_SETTINGS_KEY]: DEFAULT_GLOSS_SETTINGS, other: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
