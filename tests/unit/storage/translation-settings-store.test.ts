/**
 * The translation set-up in the extension's database: read back as written (cleaned), defaults for anything broken,
 * and settings an earlier version left in `storage.local` (readable by content scripts) moved out of it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_TRANSLATION_SETTINGS,
  LEGACY_SETTINGS_KEY,
  type TranslationSettings,
} from '../../../lib/core/translate/settings';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { createTranslationSettingsStore, type TranslationSettingsStore } from '../../../storage/translation-settings-store';

const DEEPL: TranslationSettings = { ...DEFAULT_TRANSLATION_SETTINGS, provider: 'deepl', deepl: { key: 'secret:fx' } };

let db: AnnotationDb;
let store: TranslationSettingsStore;

beforeEach(() => {
  fakeBrowser.reset();
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  store = createTranslationSettingsStore(db, fakeBrowser.storage.local);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('the translation settings store', () => {
  it('starts with the defaults (on-device, nothing remote)', async () => {
    expect(await store.read()).toEqual(DEFAULT_TRANSLATION_SETTINGS);
  });

  it('reads back what was written, cleaned, and keeps it out of storage.local', async () => {
    const saved = await store.write({
      ...DEEPL,
      deepl: { key: ' secret:fx ' },
      libretranslate: { baseUrl: 'half typ', key: '' },
    });
    expect(saved).toEqual(DEEPL);
    expect(await store.read()).toEqual(DEEPL);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('gives the defaults for a stored value that is not valid settings', async () => {
    await db.settings.put({ name: 'translation', value: { ...DEEPL, provider: 'bing' } });
    expect(await store.read()).toEqual(DEFAULT_TRANSLATION_SETTINGS);
  });

  it('moves settings an earlier version kept in storage.local into the database, once', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_SETTINGS_KEY]: DEEPL, glossSettings: { on: true } });
    expect(await store.read()).toEqual(DEEPL);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ glossSettings: { on: true } });
    expect((await db.settings.get('translation'))?.value).toEqual(DEEPL);
    // A later save wins over anything found in storage.local again (it is only read while the database has nothing).
    await store.write({ ...DEEPL, provider: 'off' });
    await fakeBrowser.storage.local.set({ [LEGACY_SETTINGS_KEY]: DEEPL });
    expect((await store.read()).provider).toBe('off');
  });

  it('looks in storage.local once, not on every read', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await store.read();
    await store.read();
    await store.takeOverLegacy();
    expect(get).toHaveBeenCalledOnce();
  });

  it('keeps a save made while the old settings were being moved, and still clears storage.local', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_SETTINGS_KEY]: DEEPL });
    const saved = { ...DEEPL, provider: 'off' as const };
    await Promise.all([store.takeOverLegacy(), store.write(saved)]);
    expect(await store.read()).toEqual(saved);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('clears settings left in storage.local even when the database already has settings', async () => {
    await store.write(DEEPL);
    await fakeBrowser.storage.local.set({ [LEGACY_SETTINGS_KEY]: { ...DEEPL, deepl: { key: 'old' } } });
    await store.takeOverLegacy();
    expect(await store.read()).toEqual(DEEPL);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('removes broken settings left in storage.local, using the defaults', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_SETTINGS_KEY]: 'garbage' });
    expect(await store.read()).toEqual(DEFAULT_TRANSLATION_SETTINGS);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
