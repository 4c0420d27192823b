/**
 * The translation service wired to the extension: settings in the database, granted host permissions (and Firefox's
 * data collection consent), `fetch`.
 */
import { browser } from 'wxt/browser';
import type { AnnotationDb } from '../../../storage/db';
import { createTranslationCache } from '../../../storage/translation-cache';
import { createTranslationSettingsStore, type TranslationSettingsStore } from '../../../storage/translation-settings-store';
import type { Dictionary } from '../../core/gloss/dictionary';
import type { WordIndex } from '../../core/gloss/word-index';
import type { TranslateBackend } from '../messaging/request-context';
import { createTranslateService } from './translate-service';
import { translationAccess } from '../../extension/translation-access';

/**
 * The background's translation backend over `db`'s cache and the shared dictionary loaders, and `settings` (the
 * repository's, or a store of its own).
 */
export function extensionTranslateBackend(
  db: AnnotationDb,
  { dictionary, words }: { dictionary: () => Promise<Dictionary>; words: () => Promise<WordIndex> },
  settings: TranslationSettingsStore = createTranslationSettingsStore(db, browser.storage.local),
): TranslateBackend {
  return {
    settings,
    service: createTranslateService({
      readSettings: settings.read,
      hasPermission: (origins) => browser.permissions.contains(translationAccess(origins)),
      cache: createTranslationCache(db),
      fetch: (url, init) => fetch(url, init),
      dictionary,
      words,
    }),
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
