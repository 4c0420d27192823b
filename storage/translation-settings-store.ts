/**
 * The translation set-up in the extension's database, where content scripts cannot read it (they can read
 * `storage.local`, where earlier versions kept it: the first read moves it here). Only the background opens it.
 */
import {
  cleanTranslationSettings,
  LEGACY_SETTINGS_KEY,
  parseTranslationSettings,
  type TranslationSettings,
} from '../lib/translate/settings';
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
  /** Moves settings an earlier version left in `storage.local` into the database, once. */
  const takeOverLegacy = async (): Promise<unknown> => {
    const left = (await legacy.get(LEGACY_SETTINGS_KEY))[LEGACY_SETTINGS_KEY];
    if (left === undefined) return undefined;
    const settings = parseTranslationSettings(left);
    await db.settings.put({ name: SETTING_NAME, value: settings });
    await legacy.remove(LEGACY_SETTINGS_KEY);
    return settings;
  };

  return {
    /** The stored settings, or the defaults when nothing (or nothing valid) is stored. */
    read: async (): Promise<TranslationSettings> => {
      const stored = (await db.settings.get(SETTING_NAME))?.value ?? (await takeOverLegacy());
      return parseTranslationSettings(stored);
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
