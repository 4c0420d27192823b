/**
 * Writes a parsed import into the database, merging with what is stored, in one read-write transaction: if any write
 * fails, nothing is written (and the failure is thrown as a `StorageError` when it is a known storage condition).
 *
 * Merge rules, applied to each annotation of the file:
 * - same id as a stored annotation (or an earlier one in the file): the newer `updatedAt` wins; an import that is not
 *   newer is a duplicate. A newer import of a soft-deleted annotation brings it back, as its newer state.
 * - a new id at the same place as a live stored annotation (same article, same quote, same position) is a duplicate:
 *   the stored one is kept. This catches the same highlight exported by another tool under another id.
 * - otherwise it is added.
 * Article records: a new one is added; a stored one is replaced by a newer one from the file, keeping stored values
 * for fields the newer record leaves empty.
 * Known words: a new one is added; for one already stored, the earlier `addedAt` is kept.
 * Word-list entries: one per word, as in the list itself: a new word is added; of a word already listed, the entry
 * added first is kept (the stored one, unless the file's is earlier).
 * Every record written is recorded in the change feed (the write goes through `write-path.ts`).
 */
import { isPageNote, type Annotation, type ArticleRecord } from '../lib/core/model/annotation';
import type { WordListEntry } from '../lib/core/model/word-list';
import type { AnnotationDb } from './db';
import { toStorageError } from './errors';
import type { ExportAnnotation } from '../lib/core/formats/export/export-data';
import { MAX_REPORTED_REJECTIONS, type ImportReport } from '../lib/core/model/exchange';
import type { ParsedImport } from '../lib/core/formats/import/import-records';
import { writePathOf } from './write-path';
import { say } from '../lib/extension/i18n';

/**
 * Identifies where an annotation sits: same article, same quote, same position. Page notes have no place: one is
 * the same as another only with the same note written at the same time.
 */
const placeKey = (a: Annotation): string => {
  const [quote, position] = a.target.selector;
  if (isPageNote(a)) return `${a.articleId}\u0000page\u0000${a.createdAt}\u0000${a.note}`;
  return `${a.articleId}\u0000${position.start}\u0000${position.end}\u0000${quote.exact}`;
};

/** The file's annotations with one per id, the newest (the first of equals); and how many were dropped. */
function newestPerId(annotations: readonly ExportAnnotation[]): { unique: ExportAnnotation[]; dropped: number } {
  const byId = new Map<string, ExportAnnotation>();
  for (const a of annotations) {
    const seen = byId.get(a.id);
    if (!seen || a.updatedAt > seen.updatedAt) byId.set(a.id, a);
  }
  return { unique: [...byId.values()], dropped: annotations.length - byId.size };
}

/** The stored article after merging `incoming` into it, or null when nothing changes. */
function mergedArticle(stored: ArticleRecord | undefined, incoming: ArticleRecord): ArticleRecord | null {
  if (!stored) return incoming;
  if (incoming.updatedAt <= stored.updatedAt) return null;
  const pick = (field: 'title' | 'source' | 'publishedAt' | 'url'): string => incoming[field] || stored[field];
  return {
    id: stored.id,
    title: pick('title'),
    source: pick('source'),
    publishedAt: pick('publishedAt'),
    url: pick('url'),
    updatedAt: incoming.updatedAt,
  };
}

/** How many live annotations sit at each place; kept current as the import adds and replaces annotations. */
class PlaceCounts {
  private readonly counts = new Map<string, number>();

  add(a: Annotation): void {
    const key = placeKey(a);
    if (a.deletedAt === null) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  remove(a: Annotation): void {
    const key = placeKey(a);
    const count = this.counts.get(key) ?? 0;
    if (a.deletedAt === null && count > 0) this.counts.set(key, count - 1);
  }

  has(a: Annotation): boolean {
    return (this.counts.get(placeKey(a)) ?? 0) > 0;
  }
}

/** The live annotations already stored in the given articles, counted by place. */
async function storedPlaces(db: AnnotationDb, articleIds: readonly string[]): Promise<PlaceCounts> {
  // One key-range query per article: `anyOf` over many keys walks the index far more slowly.
  const perArticle = await Promise.all(articleIds.map((id) => db.annotations.where('articleId').equals(id).toArray()));
  const places = new PlaceCounts();
  for (const a of perArticle.flat()) places.add(a);
  return places;
}

/** The annotations to write (see the merge rules), and how many of them are new and how many replace stored ones. */
function planAnnotations(
  unique: readonly ExportAnnotation[],
  stored: ReadonlyMap<string, Annotation>,
  places: PlaceCounts,
): { writes: ExportAnnotation[]; added: number; updated: number } {
  const writes: ExportAnnotation[] = [];
  let added = 0;
  for (const incoming of unique) {
    const current = stored.get(incoming.id);
    if (current ? incoming.updatedAt <= current.updatedAt : places.has(incoming)) continue;
    if (current) places.remove(current);
    else added++;
    places.add(incoming);
    writes.push(incoming);
  }
  return { writes, added, updated: writes.length - added };
}

/** The article records to write (`stored[i]` is the stored record of `incoming[i]`), and how many are new. */
function planArticles(
  incoming: readonly ArticleRecord[],
  stored: readonly (ArticleRecord | undefined)[],
): { writes: ArticleRecord[]; added: number } {
  const writes: ArticleRecord[] = [];
  let added = 0;
  incoming.forEach((article, i) => {
    const merged = mergedArticle(stored[i], article);
    if (!merged) return;
    writes.push(merged);
    if (!stored[i]) added++;
  });
  return { writes, added };
}

/**
 * The known words (or word-list entries) to write: new words, and stored ones the file says were added earlier; and
 * how many are new.
 */
function planEarliest<T extends { addedAt: number }>(
  incoming: readonly T[],
  stored: readonly (T | undefined)[],
): { writes: T[]; added: number } {
  const writes: T[] = [];
  let added = 0;
  incoming.forEach((word, i) => {
    const current = stored[i];
    if (current && current.addedAt <= word.addedAt) return;
    writes.push(word);
    if (!current) added++;
  });
  return { writes, added };
}

/** The file's records with one per word, the earliest `addedAt` (the first of equals). */
function earliestPerWord<T extends { word: string; addedAt: number }>(records: readonly T[]): T[] {
  const byWord = new Map<string, T>();
  for (const record of records) {
    const seen = byWord.get(record.word);
    if (!seen || record.addedAt < seen.addedAt) byWord.set(record.word, record);
  }
  return [...byWord.values()];
}

/** Merges `parsed` into `db` (see the module comment) and reports what it did. */
export async function importAnnotations(
  db: AnnotationDb,
  parsed: ParsedImport,
  now: () => number = Date.now,
): Promise<ImportReport> {
  const { unique, dropped } = newestPerId(parsed.annotations);
  const words = earliestPerWord(parsed.knownWords ?? []).map(({ word, addedAt }) => ({ word, addedAt }));
  const entries = earliestPerWord(parsed.wordList ?? []);
  try {
    return await writePathOf(db).write(now(), async (writer) => {
      const stored = new Map<string, Annotation>();
      for (const a of await db.annotations.bulkGet(unique.map((u) => u.id))) if (a) stored.set(a.id, a);
      const places = await storedPlaces(db, [...new Set(unique.map((u) => u.articleId))]);
      const annotations = planAnnotations(unique, stored, places);
      const articles = planArticles(parsed.articles, await db.articles.bulkGet(parsed.articles.map((a) => a.id)));
      const knownWords = planEarliest(words, await db.knownWords.bulkGet(words.map((k) => k.word)));
      const wordList = planEarliest<WordListEntry>(entries, await db.wordList.bulkGet(entries.map((e) => e.word)));

      await writer.bulkPut('annotation', annotations.writes);
      await writer.bulkPut('article', articles.writes);
      await writer.bulkPut('knownWord', knownWords.writes);
      await writer.bulkPut('wordListEntry', wordList.writes);
      return {
        added: annotations.added,
        updated: annotations.updated,
        duplicates: dropped + unique.length - annotations.writes.length,
        rejected: parsed.rejected.slice(0, MAX_REPORTED_REJECTIONS).map(({ index, reason }) => ({ index, reason: say(reason) })),
        rejectedTotal: parsed.rejected.length,
        pageNotes: annotations.writes.filter((a) => isPageNote(a) && !stored.has(a.id)).length,
        skippedReplies: parsed.skipped?.replies ?? 0,
        skippedOtherSites: parsed.skipped?.otherSites ?? 0,
        articlesAdded: articles.added,
        articlesUpdated: articles.writes.length - articles.added,
        knownWordsAdded: knownWords.added,
        wordListAdded: wordList.added,
      };
    });
  } catch (err) {
    throw toStorageError(err);
  }
}
