/**
 * Reads and writes annotations and their articles. The background is its only user; every method either resolves
 * or rejects with a `StorageError` (known storage condition) or an unexpected error (a bug).
 */
import {
  positionOf,
  type Annotation,
  type AnnotationPatch,
  type AnnotationTarget,
  type ArticleMeta,
  type ArticleRecord,
  type NewAnnotation,
} from '../lib/core/model/annotation';
import type { AnnotationDb } from './db';
import { notFoundError, toStorageError } from './errors';
import { setAsideDamaged } from './quarantine';
import type { ParsedImport } from '../lib/core/formats/import/import-records';
import { importAnnotations } from './merge-import';
import type { ImportReport } from '../lib/core/model/exchange';
import { readAllRecords, type StoredRecords } from './library-queries';

/** Operations on the annotation store; see `createAnnotationRepo`. */
export interface AnnotationRepo {
  /** The article's live annotations (soft-deleted ones excluded), in reading order: position start, then createdAt. */
  listForArticle(articleId: string): Promise<Annotation[]>;
  /** One annotation, soft-deleted or not; null when there is none with that id. */
  get(id: string): Promise<Annotation | null>;
  /** Stores a new annotation and upserts its article in one transaction; returns the stored record. */
  create(article: ArticleMeta, annotation: NewAnnotation): Promise<Annotation>;
  /** Applies a patch (colour, note, tags, translation) to a live annotation and bumps `updatedAt`; not-found if gone. */
  update(id: string, patch: AnnotationPatch): Promise<Annotation>;
  /** Marks an annotation deleted (kept for undo until purged); returns the record. Deleting twice is harmless. */
  softDelete(id: string): Promise<Annotation>;
  /** Undoes a soft delete; returns the live record. */
  restore(id: string): Promise<Annotation>;
  /** The stored article record, or null if nothing was ever annotated on it. */
  getArticle(articleId: string): Promise<ArticleRecord | null>;
  /** Permanently removes annotations soft-deleted more than `ms` ago; returns how many were removed. */
  purgeDeletedOlderThan(ms: number): Promise<number>;
  /** Soft-deletes every listed annotation in one transaction; returns the records of those that exist. */
  softDeleteMany(ids: readonly string[]): Promise<Annotation[]>;
  /** Undoes the soft delete of every listed annotation in one transaction; returns the records of those that exist. */
  restoreMany(ids: readonly string[]): Promise<Annotation[]>;
  /** Gives a live annotation a new target (an orphan re-attached to text the reader selected); not-found otherwise. */
  reattach(id: string, target: AnnotationTarget): Promise<Annotation>;
  /** Every stored annotation (soft-deleted included; exports skip those) and article record, for an export. */
  readAll(): Promise<StoredRecords>;
  /** Merges a parsed import file in one transaction (see `storage/merge-import.ts`). */
  importParsed(parsed: ParsedImport): Promise<ImportReport>;
  /** Every distinct tag on stored annotations, in code-unit order (autocomplete suggestions). */
  listTags(): Promise<string[]>;
}

/** Runs a storage operation, translating storage failures into `StorageError`s. */
async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    throw toStorageError(err);
  }
}

/** Reading order: by position in the article, then the older annotation first. */
function byPosition(a: Annotation, b: Annotation): number {
  return positionOf(a).start - positionOf(b).start || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** The article record after an upsert: new non-empty fields win, empty ones keep what was stored. */
function mergeArticle(existing: ArticleRecord | undefined, incoming: ArticleMeta, now: number): ArticleRecord {
  const pick = (field: 'title' | 'source' | 'publishedAt' | 'url'): string =>
    incoming[field] !== '' ? incoming[field] : (existing?.[field] ?? '');
  return {
    id: incoming.id,
    title: pick('title'),
    source: pick('source'),
    publishedAt: pick('publishedAt'),
    url: pick('url'),
    updatedAt: now,
  };
}

/**
 * Creates the repository over `db`. `now` is the clock used for createdAt/updatedAt/deletedAt and the purge
 * cut-off (injectable so tests control time).
 */
export function createAnnotationRepo(db: AnnotationDb, now: () => number = Date.now): AnnotationRepo {
  /**
   * Reads, changes and writes back one annotation in a single read-write transaction. Fails with not-found when the
   * id is unknown, or when it is soft-deleted and `liveOnly` is set. `change` returns `current` to write nothing.
   */
  function modify(id: string, liveOnly: boolean, change: (current: Annotation, time: number) => Annotation): Promise<Annotation> {
    return guarded(() =>
      db.transaction('rw', db.annotations, async () => {
        const current = await db.annotations.get(id);
        if (!current || (liveOnly && current.deletedAt !== null)) throw notFoundError();
        const next = change(current, now());
        if (next !== current) await db.annotations.put(next);
        return next;
      }),
    );
  }

  /** Applies `change` to each listed annotation that exists, in one transaction; unknown ids are skipped. */
  function modifyMany(ids: readonly string[], change: (current: Annotation, time: number) => Annotation): Promise<Annotation[]> {
    return guarded(() =>
      db.transaction('rw', db.annotations, async () => {
        const time = now();
        const found = (await db.annotations.bulkGet([...ids])).filter((a): a is Annotation => a !== undefined);
        const next = found.map((a) => change(a, time));
        await db.annotations.bulkPut(next.filter((a, i) => a !== found[i]));
        return next;
      }),
    );
  }

  const markDeleted = (current: Annotation, time: number): Annotation =>
    current.deletedAt !== null ? current : { ...current, deletedAt: time, updatedAt: time };

  const markLive = (current: Annotation, time: number): Annotation =>
    current.deletedAt === null ? current : { ...current, deletedAt: null, updatedAt: time };

  return {
    listForArticle: (articleId) =>
      guarded(async () => {
        const rows = await setAsideDamaged(db, await db.annotations.where('articleId').equals(articleId).toArray());
        return rows.filter((a) => a.deletedAt === null).sort(byPosition);
      }),

    get: (id) => guarded(async () => (await db.annotations.get(id)) ?? null),

    create: (article, annotation) =>
      guarded(() =>
        db.transaction('rw', db.annotations, db.articles, async () => {
          const time = now();
          const record: Annotation = {
            id: crypto.randomUUID(),
            articleId: article.id,
            color: annotation.color,
            note: annotation.note,
            tags: annotation.tags,
            target: annotation.target,
            ...(annotation.translation && { translation: annotation.translation }),
            createdAt: time,
            updatedAt: time,
            deletedAt: null,
          };
          await db.articles.put(mergeArticle(await db.articles.get(article.id), article, time));
          await db.annotations.add(record);
          return record;
        }),
      ),

    update: (id, patch) =>
      modify(id, true, (current, time) => ({
        ...current,
        ...(patch.color !== undefined && { color: patch.color }),
        ...(patch.note !== undefined && { note: patch.note }),
        ...(patch.tags !== undefined && { tags: patch.tags }),
        ...(patch.translation !== undefined && { translation: patch.translation }),
        updatedAt: time,
      })),

    softDelete: (id) => modify(id, false, markDeleted),

    restore: (id) => modify(id, false, markLive),

    getArticle: (articleId) => guarded(async () => (await db.articles.get(articleId)) ?? null),

    purgeDeletedOlderThan: (ms) =>
      guarded(() =>
        db.annotations
          .where('deletedAt')
          .below(now() - ms)
          .delete(),
      ),

    softDeleteMany: (ids) => modifyMany(ids, markDeleted),

    restoreMany: (ids) => modifyMany(ids, markLive),

    reattach: (id, target) => modify(id, true, (current, time) => ({ ...current, target, updatedAt: time })),

    readAll: () => guarded(() => readAllRecords(db)),

    importParsed: (parsed) => importAnnotations(db, parsed),

    listTags: () => guarded(async () => (await db.annotations.orderBy('tags').uniqueKeys()) as string[]),
  };
}
