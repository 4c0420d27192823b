/**
 * Reads and writes annotations and their articles. The background is its only user; every method either resolves
 * or rejects with a `StorageError` (known storage condition) or an unexpected error (a bug).
 */
import {
  positionOf,
  type Annotation,
  type AnnotationPatch,
  type ArticleMeta,
  type ArticleRecord,
  type NewAnnotation,
} from '../lib/model/annotation';
import type { AnnotationDb } from './db';
import { notFoundError, toStorageError } from './errors';

/** Operations on the annotation store; see `createAnnotationRepo`. */
export interface AnnotationRepo {
  /** The article's live annotations (soft-deleted ones excluded), in reading order: position start, then createdAt. */
  listForArticle(articleId: string): Promise<Annotation[]>;
  /** Stores a new annotation and upserts its article in one transaction; returns the stored record. */
  create(article: ArticleMeta, annotation: NewAnnotation): Promise<Annotation>;
  /** Applies a colour/note/tags patch to a live annotation and bumps `updatedAt`; not-found if absent or deleted. */
  update(id: string, patch: AnnotationPatch): Promise<Annotation>;
  /** Marks an annotation deleted (kept for undo until purged); returns the record. Deleting twice is harmless. */
  softDelete(id: string): Promise<Annotation>;
  /** Undoes a soft delete; returns the live record. */
  restore(id: string): Promise<Annotation>;
  /** The stored article record, or null if nothing was ever annotated on it. */
  getArticle(articleId: string): Promise<ArticleRecord | null>;
  /** Permanently removes annotations soft-deleted more than `ms` ago; returns how many were removed. */
  purgeDeletedOlderThan(ms: number): Promise<number>;
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
  function modify(
    id: string,
    liveOnly: boolean,
    change: (current: Annotation, time: number) => Annotation,
  ): Promise<Annotation> {
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

  return {
    listForArticle: (articleId) =>
      guarded(async () => {
        const rows = await db.annotations.where('articleId').equals(articleId).toArray();
        return rows.filter((a) => a.deletedAt === null).sort(byPosition);
      }),

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
        updatedAt: time,
      })),

    softDelete: (id) =>
      modify(id, false, (current, time) =>
        current.deletedAt !== null ? current : { ...current, deletedAt: time, updatedAt: time },
      ),

    restore: (id) =>
      modify(id, false, (current, time) =>
        current.deletedAt === null ? current : { ...current, deletedAt: null, updatedAt: time },
      ),

    getArticle: (articleId) => guarded(async () => (await db.articles.get(articleId)) ?? null),

    purgeDeletedOlderThan: (ms) =>
      guarded(() => db.annotations.where('deletedAt').below(now() - ms).delete()),
  };
}
