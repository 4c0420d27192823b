/**
 * Reads for the extension's pages (popup, library) and the export, run by the background (`repository.ts`), which
 * answers the pages' messages with them; pages read again when the background tells them something changed.
 */
import type { Annotation, ArticleRecord } from '../lib/core/model/annotation';
import type { WordListEntry } from '../lib/core/model/word-list';
import type { AnnotationDb, KnownWord } from './db';

/** Every annotation and article record in the database. */
export interface StoredRecords {
  annotations: Annotation[];
  articles: ArticleRecord[];
  /** The words the reader marked known (exported with the native backup). */
  knownWords: KnownWord[];
  /** The reader's word list (exported with the native backup). */
  wordList: WordListEntry[];
}

/** Every stored article, most recently annotated first (an article record's `updatedAt` moves with each new highlight). */
export function readArticlesByRecency(db: AnnotationDb): Promise<ArticleRecord[]> {
  return db.articles.orderBy('updatedAt').reverse().toArray();
}

/**
 * How many live annotations each stored article has, from the `articleId` index without loading the annotations (a count
 * per article, minus its soft-deleted ones: the only rows the `deletedAt` index holds, as IndexedDB skips null).
 * Slower than `readArticlesByRecency` with thousands of articles, so the popup shows the list first.
 */
export function countLiveAnnotations(db: AnnotationDb): Promise<Map<string, number>> {
  return db.transaction('r', db.annotations, db.articles, async () => {
    const articleIds = await db.articles.toCollection().primaryKeys();
    const [totals, deleted] = await Promise.all([
      Promise.all(articleIds.map((id) => db.annotations.where('articleId').equals(id).count())),
      db.annotations.where('deletedAt').aboveOrEqual(-Infinity).toArray(),
    ]);
    const counts = new Map(articleIds.map((id, i) => [id, totals[i]]));
    for (const { articleId } of deleted) if (counts.has(articleId)) counts.set(articleId, counts.get(articleId)! - 1);
    return counts;
  });
}

/**
 * Every stored annotation (soft-deleted ones included: callers drop them), article record, known word and word-list entry,
 * read in one transaction: what the library lists and what an export is made from.
 */
export function readAllRecords(db: AnnotationDb): Promise<StoredRecords> {
  return db.transaction('r', [db.annotations, db.articles, db.knownWords, db.wordList], async () => ({
    annotations: await db.annotations.toArray(),
    articles: await db.articles.toArray(),
    knownWords: await db.knownWords.toArray(),
    wordList: await db.wordList.toArray(),
  }));
}
