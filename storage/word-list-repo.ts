/**
 * The reader's word list, one entry per word. The background is the only user; failures reject with a `StorageError`
 * (known storage condition) or an unexpected error (a bug), as in the other repositories. Writes go through the write
 * path (`write-path.ts`), so an added or removed entry is in the change feed, which views follow and sync replicates.
 */
import type { WordListAddition, WordListEntry } from '../lib/core/model/word-list';
import type { AnnotationDb } from './db';
import { toStorageError } from './errors';
import { writePathOf } from './write-path';

/** Operations on the word list; see `createWordListRepo`. */
export interface WordListRepo {
  /** Every entry, oldest first. */
  list(): Promise<WordListEntry[]>;
  /** Adds `addition` unless its word is listed already (the first entry stays); answers whether it was added. */
  add(addition: WordListAddition): Promise<boolean>;
  /** Removes the entries of `words` (unlisted words are no change); answers `list()` afterwards. */
  remove(words: readonly string[]): Promise<WordListEntry[]>;
}

/** The word list over `db`; `now` stamps new entries (injectable for tests). */
export function createWordListRepo(db: AnnotationDb, now: () => number = Date.now): WordListRepo {
  const list = (): Promise<WordListEntry[]> => db.wordList.orderBy('addedAt').toArray();
  const rethrow = (err: unknown): never => {
    throw toStorageError(err);
  };
  const { write } = writePathOf(db);
  return {
    list: () => list().catch(rethrow),
    add: (addition) => {
      const time = now();
      return write(time, async (writer) => {
        if (await db.wordList.get(addition.word)) return false;
        await writer.add('wordListEntry', { ...addition, addedAt: time });
        return true;
      }).catch(rethrow);
    },
    remove: (words) =>
      write(now(), (writer) => writer.bulkDelete('wordListEntry', [...new Set(words)]))
        .then(list)
        .catch(rethrow),
  };
}
