/**
 * The settings store: one typed accessor per setting over the database's `settings` table, defaults for what is not
 * (validly) stored, and the last highlight colour and the gloss switches moved once out of `storage.local`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { GLOSS_SETTING, LAST_COLOR_SETTING } from '../../../lib/core/model/settings';
import { DEFAULT_GLOSS_SETTINGS } from '../../../lib/core/model/gloss';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { createSettingsStore, type SettingsStore } from '../../../storage/settings-store';
import { writePathOf } from '../../../storage/write-path';

let db: AnnotationDb;
let store: SettingsStore;

beforeEach(() => {
  fakeBrowser.reset();
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  store = createSettingsStore(db, fakeBrowser.storage.local);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('the settings store', () => {
  it('answers each setting’s default until one is stored, then what was stored', async () => {
    expect(await store.get(LAST_COLOR_SETTING)).toBe('yellow');
    expect(await store.get(GLOSS_SETTING)).toBeNull();
    expect(await store.set(LAST_COLOR_SETTING, 'pink')).toBe('pink');
    await store.set(GLOSS_SETTING, { ...DEFAULT_GLOSS_SETTINGS, on: true });
    expect(await store.get(LAST_COLOR_SETTING)).toBe('pink');
    expect(await store.get(GLOSS_SETTING)).toEqual({ ...DEFAULT_GLOSS_SETTINGS, on: true });
    expect(await db.settings.get('lastColor')).toEqual({ name: 'lastColor', value: 'pink' });
  });

  it('refuses to store a value its schema does not accept, and reads a broken stored value as the default', async () => {
    await expect(store.set(LAST_COLOR_SETTING, 'plaid' as never)).rejects.toThrow();
    await expect(store.set(GLOSS_SETTING, { on: true } as never)).rejects.toThrow();
    expect(await db.settings.count()).toBe(0);
    await db.settings.put({ name: 'lastColor', value: 'plaid' });
    expect(await store.get(LAST_COLOR_SETTING)).toBe('yellow');
  });

  it('moves the last colour and the gloss switches an earlier version kept in storage.local, once', async () => {
    await fakeBrowser.storage.local.set({ lastColor: 'green', glossSettings: { on: true, pinyin: false }, other: 1 });
    expect(await store.get(LAST_COLOR_SETTING)).toBe('green');
    // Switches an earlier version did not store take their defaults.
    expect(await store.get(GLOSS_SETTING)).toEqual({ on: true, pinyin: false, english: true, mode: 'words' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ other: 1 });
    await store.set(LAST_COLOR_SETTING, 'blue');
    await fakeBrowser.storage.local.set({ lastColor: 'green' });
    expect(await store.get(LAST_COLOR_SETTING)).toBe('blue');
  });

  it('keeps a value saved before the move and drops an unusable legacy value', async () => {
    await store.set(LAST_COLOR_SETTING, 'blue');
    await fakeBrowser.storage.local.set({ lastColor: 'green' });
    const fresh = createSettingsStore(db, fakeBrowser.storage.local);
    expect(await fresh.get(LAST_COLOR_SETTING)).toBe('blue');
    await fakeBrowser.storage.local.set({ lastColor: 'plaid' });
    const another = createSettingsStore(db, fakeBrowser.storage.local);
    await another.takeOverLegacy(LAST_COLOR_SETTING);
    expect(await another.get(LAST_COLOR_SETTING)).toBe('blue');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('reports an unusable database as a storage error the reader can understand', async () => {
    db.close();
    await expect(store.get(LAST_COLOR_SETTING)).rejects.toMatchObject({ code: 'storage-unavailable' });
    await expect(store.set(LAST_COLOR_SETTING, 'blue')).rejects.toMatchObject({ code: 'storage-unavailable' });
  });

  it('writes nothing, and records no change, when the value stored is given again', async () => {
    await store.set(LAST_COLOR_SETTING, 'blue');
    const seq = await writePathOf(db).lastSeq();
    expect(await store.set(LAST_COLOR_SETTING, 'blue')).toBe('blue');
    expect(await writePathOf(db).changesSince(seq)).toEqual([]);
    await store.set(LAST_COLOR_SETTING, 'green');
    expect((await writePathOf(db).changesSince(seq)).map((c) => [c.key, c.rev])).toEqual([['lastColor', 2]]);
  });
});
