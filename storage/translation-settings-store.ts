/**
 * The translation set-up in the extension's database, where content scripts cannot read it (they can read
 * `storage.local`, where earlier versions kept it: `takeOverLegacy` moves it here, at the background's start and on
 * the first read). Only the background reads or writes this record.
 */
import Dexie from 'dexie';
import {
  cleanTranslationSettings,
  LEGACY_SETTINGS_KEY,
  parseTranslationSettings,
  type TranslationSettings,
} from '../lib/core/translate/settings';
import type { AnnotationDb } from './db';

/** The record's name in the `settings` table. */
const SETTING_NAME = 'translation';

/** The part of `storage.local` the move from earlier versions needs. */
export interface LegacySettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

/** Reads and writes the translation settings in `db`, taking over any left in `legacy` by an earlier version. */
export function createTranslationSettingsStore(db: AnnotationDb, legacy: LegacySettingsArea) {
  /**
   * Moves settings an earlier version left in `storage.local` into the database unless it holds settings already (a
   * save made meanwhile wins), then removes them from `storage.local` either way. Settings that do not parse are not
   * kept: earlier versions only ever stored valid ones.
   */
  const takeOverLegacy = async (): Promise<void> => {
    const left = (await legacy.get(LEGACY_SETTINGS_KEY))[LEGACY_SETTINGS_KEY];
    if (left === undefined) return;
    try {
      await db.settings.add({ name: SETTING_NAME, value: parseTranslationSettings(left) });
    } catch (err) {
      if (!(err instanceof Dexie.ConstraintError)) throw err;
    }
    await legacy.remove(LEGACY_SETTINGS_KEY);
  };

  /** `takeOverLegacy`, run once for the life of the store (again only after it failed). */
  let moving: Promise<void> | undefined;
  const takeOverLegacyOnce = (): Promise<void> =>
    (moving ??= takeOverLegacy().catch((err: unknown) => {
      moving = undefined;
      throw err;
    }));

  return {
    /** Moves settings an earlier version left in `storage.local` (the background calls it at start-up). */
    takeOverLegacy: takeOverLegacyOnce,
    /** The stored settings, or the defaults when nothing (or nothing valid) is stored. */
    read: async (): Promise<TranslationSettings> => {
      await takeOverLegacyOnce();
      return parseTranslationSettings((await db.settings.get(SETTING_NAME))?.value);
    },
    /** Stores `settings`, cleaned (see `cleanTranslationSettings`); answers what was stored. */
    write: async (settings: TranslationSettings): Promise<TranslationSettings> => {
      const value = cleanTranslationSettings(settings);
      await db.settings.put({ name: SETTING_NAME, value });
      return value;
    },
  };
}

/** The store's public face, for the translation backend. */
export type TranslationSettingsStore = ReturnType<typeof createTranslationSettingsStore>;
