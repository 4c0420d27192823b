/**
 * The words the reader marked as known, which the gloss leaves bare. The background is the only user; failures
 * reject with a `StorageError` (known storage condition) or an unexpected error (a bug), as in the annotation repo.
 * Writes go through the write path (`write-path.ts`): a word marked known, or no longer known (a tombstone), is in
 * the change feed.
 */
import type { AnnotationDb, KnownWord } from './db';
import { toStorageError } from './errors';
import { writePathOf } from './write-path';

/** Operations on the known words; see `createKnownWordsRepo`. */
export interface KnownWordsRepo {
  /** Every known word, oldest first. */
  list(): Promise<string[]>;
  /** Marks `words` known (keeping when each was first marked) or no longer known; answers `list()` afterwards. */
  set(words: readonly string[], known: boolean): Promise<string[]>;
}

/** The known-words store over `db`; `now` stamps newly marked words (injectable for tests). */
export function createKnownWordsRepo(db: AnnotationDb, now: () => number = Date.now): KnownWordsRepo {
  const list = async (): Promise<string[]> => (await db.knownWords.orderBy('addedAt').toArray()).map((k) => k.word);
  const rethrow = (err: unknown): never => {
    throw toStorageError(err);
  };
  const { write } = writePathOf(db);
  return {
    list: () => list().catch(rethrow),
    set: (words, known) => {
      const time = now();
      return write(time, async (writer) => {
        const unique = [...new Set(words)];
        if (!known) return writer.bulkDelete('knownWord', unique);
        const stored = await db.knownWords.bulkGet(unique);
        const added: KnownWord[] = unique.filter((_, i) => !stored[i]).map((word) => ({ word, addedAt: time }));
        await writer.bulkAdd('knownWord', added);
      })
        .then(list)
        .catch(rethrow);
    },
  };
}
