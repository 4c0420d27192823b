/**
 * Reads for the extension's pages (popup, library), which read the database directly — wrapped in Dexie's
 * `liveQuery`, they re-run whenever any context of the extension writes — while every write still goes through the
 * background's validated messages. Never used from content scripts (see `db.ts`).
 */
import type { Annotation, ArticleRecord } from '../lib/core/model/annotation';
import type { AnnotationDb, KnownWord } from './db';

/** Every annotation and article record in the database. */
export interface StoredRecords {
  annotations: Annotation[];
  articles: ArticleRecord[];
  /** The words the reader marked known (exported with the native backup). */
  knownWords: KnownWord[];
}

/** An annotated article as the popup's "All" list shows it. */
export interface ArticleSummary {
  article: ArticleRecord;
  /** Its live annotations; null while not yet counted. */
  count: number | null;
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
 * The popup's list: the articles in their order, each with its count once `counts` are known; articles known to
 * have no live annotation left (all deleted) are left out.
 */
export function articleSummaries(
  articles: readonly ArticleRecord[],
  counts: ReadonlyMap<string, number> | null,
): ArticleSummary[] {
  return articles
    .map((article) => ({ article, count: counts?.get(article.id) ?? null }))
    .filter((summary) => summary.count !== 0);
}

/**
 * Every stored annotation (soft-deleted ones included: callers drop them), article record and known word, read in
 * one transaction: what the library lists and what an export is made from.
 */
export function readAllRecords(db: AnnotationDb): Promise<StoredRecords> {
  return db.transaction('r', db.annotations, db.articles, db.knownWords, async () => ({
    annotations: await db.annotations.toArray(),
    articles: await db.articles.toArray(),
    knownWords: await db.knownWords.toArray(),
  }));
}
