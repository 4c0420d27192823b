/**
 * The translation set-up, one setting of the settings store (`settings-store.ts`), in the extension's database where
 * content scripts cannot read it (they can read `storage.local`, where earlier versions kept it: the store moves it
 * here, at the background's start and on the first read). Only the background reads or writes it.
 */
import { cleanTranslationSettings, TRANSLATION_SETTING, type TranslationSettings } from '../lib/core/translate/settings';
import type { AnnotationDb } from './db';
import { createSettingsStore, type LegacySettingsArea, type SettingsStore } from './settings-store';

export type { LegacySettingsArea } from './settings-store';

/**
 * Reads and writes the translation settings in `db` (through `store`, or a store of its own), taking over any left
 * in `legacy` by an earlier version.
 */
export function createTranslationSettingsStore(
  db: AnnotationDb,
  legacy: LegacySettingsArea,
  store: SettingsStore = createSettingsStore(db, legacy),
) {
  return {
    /** Moves settings an earlier version left in `storage.local` (the background calls it at start-up). */
    takeOverLegacy: (): Promise<void> => store.takeOverLegacy(TRANSLATION_SETTING),
    /** The stored settings, or the defaults when nothing (or nothing valid) is stored. */
    read: (): Promise<TranslationSettings> => store.get(TRANSLATION_SETTING),
    /** Stores `settings`, cleaned (see `cleanTranslationSettings`); answers what was stored. */
    write: (settings: TranslationSettings): Promise<TranslationSettings> =>
      store.set(TRANSLATION_SETTING, cleanTranslationSettings(settings)),
  };
}

/** The store's public face, for the translation backend. */
export type TranslationSettingsStore = ReturnType<typeof createTranslationSettingsStore>;
