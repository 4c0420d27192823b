/**
 * Sentence translations already made, so the same text is never sent to a service twice. Keyed by service, language
 * pair and the exact text; the oldest entries go when the cache outgrows its limit. The cache only saves requests:
 * if the database cannot be read or written, translation goes on without it.
 */
import type { SourceLanguage } from '../lib/core/translate/languages';
import type { AnnotationDb } from './db';
import { toStorageError } from './errors';

/** Most translations kept (a few megabytes of text at most). */
export const MAX_CACHED_TRANSLATIONS = 5_000;

/** Cached translations for one service; see `createTranslationCache`. */
export interface TranslationCache {
  /** The cached translation of each text (undefined where there is none), in order. */
  get(providerId: string, source: SourceLanguage, texts: readonly string[]): Promise<(string | undefined)[]>;
  /** Remembers `translations[i]` of `texts[i]`, made by the service called `providerName`. */
  put(
    providerId: string,
    providerName: string,
    source: SourceLanguage,
    texts: readonly string[],
    translations: readonly string[],
  ): Promise<void>;
  /** Forgets every cached translation; resolves with how many there were. */
  clear(): Promise<number>;
}

/** The key of one text's translation: service, language pair, text. */
const cacheKey = (providerId: string, source: SourceLanguage, text: string): string => `${providerId}\n${source}>en\n${text}`;

/** The cache over `db`'s `translations` table; `now` dates entries (injectable for tests). */
export function createTranslationCache(
  db: AnnotationDb,
  now: () => number = Date.now,
  limit: number = MAX_CACHED_TRANSLATIONS,
): TranslationCache {
  /** Drops the oldest entries beyond `limit`. */
  const trim = async () => {
    const excess = (await db.translations.count()) - limit;
    if (excess > 0) await db.translations.bulkDelete(await db.translations.orderBy('createdAt').limit(excess).primaryKeys());
  };

  return {
    get: async (providerId, source, texts) => {
      try {
        const rows = await db.translations.bulkGet(texts.map((text) => cacheKey(providerId, source, text)));
        return rows.map((row) => row?.text);
      } catch {
        return texts.map(() => undefined);
      }
    },
    put: async (providerId, providerName, source, texts, translations) => {
      const createdAt = now();
      const rows = texts.map((text, i) => ({
        key: cacheKey(providerId, source, text),
        provider: providerName,
        text: translations[i],
        createdAt,
      }));
      try {
        await db.transaction('rw', db.translations, async () => {
          await db.translations.bulkPut(rows);
          await trim();
        });
      } catch {
        // Not cached this time; the translation itself is not affected.
      }
    },
    clear: async () => {
      try {
        return await db.transaction('rw', db.translations, async () => {
          const count = await db.translations.count();
          await db.translations.clear();
          return count;
        });
      } catch (err) {
        throw toStorageError(err);
      }
    },
  };
}
