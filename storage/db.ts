/**
 * The extension's one IndexedDB database. Open it only in extension contexts (background, extension pages):
 * IndexedDB opened from a content script belongs to 163.com, whose own scripts could read or wipe it.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Annotation, ArticleRecord } from '../lib/model/annotation';

/** Name of the production database; tests open fresh databases under other names. */
export const DB_NAME = 'netease-annotator';

/**
 * Dexie database with two tables: `annotations` (keyed by UUID) and `articles` (keyed by the 16-char NetEase id).
 * `deletedAt` is indexed for the purge; IndexedDB does not index `null`, so the index holds only soft-deleted rows.
 * No compound `[articleId+deletedAt]` index: live rows (deletedAt null) would be missing from it, so it cannot
 * answer "live annotations of an article".
 */
export class AnnotationDb extends Dexie {
  annotations!: EntityTable<Annotation, 'id'>;
  articles!: EntityTable<ArticleRecord, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      annotations: 'id, articleId, updatedAt, color, *tags, deletedAt',
      articles: 'id, updatedAt',
    });
  }
}

/** Opens (lazily, on first use) the database called `name`; the default is the production database. */
export const openAnnotationDb = (name: string = DB_NAME): AnnotationDb => new AnnotationDb(name);
