/**
 * The extension's one IndexedDB database. Open it only in extension contexts (background, extension pages):
 * IndexedDB opened from a content script belongs to 163.com, whose own scripts could read or wipe it.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Annotation, ArticleRecord } from '../lib/core/model/annotation';
import type { Change, ChangeKind } from '../lib/core/model/changes';
import type { KnownWord } from '../lib/core/model/gloss';
import type { WordListEntry } from '../lib/core/model/word-list';

export type { KnownWord };

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
  knownWords!: EntityTable<KnownWord, 'word'>;
  translations!: EntityTable<CachedTranslation, 'key'>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'name'>;
  feed!: EntityTable<FeedEntry, 'id'>;
  wordList!: EntityTable<WordListEntry, 'word'>;

  constructor(name: string) {
    super(name);
    // Each version stays here as written: Dexie upgrades a database from whatever version it finds.
    this.version(1).stores({
      annotations: 'id, articleId, updatedAt, color, *tags, deletedAt',
      articles: 'id, updatedAt',
    });
    // v2: words the reader marks as known (left bare by the gloss), and cached sentence translations.
    // Annotations may carry an optional `translation`; v1 records need no change.
    this.version(2).stores({
      knownWords: 'word, addedAt',
      translations: 'key, createdAt',
    });
    // v3: records that failed validation when read are moved aside here (never deleted) and reported.
    this.version(3).stores({
      quarantine: 'id, quarantinedAt',
    });
    // v4: settings that must stay out of content scripts' reach (the translation services' keys), which
    // `storage.local` does not keep from them.
    this.version(4).stores({
      settings: 'name',
    });
    // v5: the change feed (`storage/write-path.ts`), which views follow and sync replicates: one row per record holding
    // its latest change, replaced (with a new, higher `seq`) by each write, so the feed stays ordered and bounded and a
    // reader resumes from the last `seq` it saw. The records already stored enter it at revision 1.
    this.version(5)
      .stores({
        changes: '++seq, &[kind+key]',
      })
      .upgrade(async (tx) => {
        const at = Date.now();
        const keys = async (table: string) => (await tx.table(table).toCollection().primaryKeys()) as string[];
        const entries = (kind: ChangeKind, list: string[]) => list.map((key) => ({ kind, key, rev: 1, at, deleted: false }));
        await tx
          .table('changes')
          .bulkAdd([
            ...entries('article', await keys('articles')),
            ...entries('annotation', await keys('annotations')),
            ...entries('knownWord', await keys('knownWords')),
            ...entries('setting', await keys('settings')),
          ]);
      });
    // v6: the reader's word list (words looked up while reading, with the sense and sentence they saw, for review and
    // flashcards), keyed by the word; written through the write path like the known words, so it syncs. A new, empty
    // table: no upgrade of earlier records.
    this.version(6).stores({
      wordList: 'word, addedAt',
    });
    // v7: the feed moves to `feed`, keyed by the record it follows (`feedId`), with `seq` a unique index. A write then
    // finds and replaces each record's entry by its key (one `bulkGet`, one `bulkPut`) rather than by a lookup in the
    // compound index, a delete and an add per record, which was most of a first sync's time in IndexedDB. Dexie cannot
    // change a primary key in place, so the entries are copied over with their seqs and revisions.
    this.version(7)
      .stores({ feed: 'id, &seq' })
      .upgrade(async (tx) => {
        const entries = (await tx.table('changes').toArray()) as Change[];
        await tx.table('feed').bulkAdd(entries.map((change) => ({ id: feedId(change.kind, change.key), ...change })));
      });
    // v8: the v5 feed table, copied into `feed` by v7 (Dexie removes a table only in a version after the one that read it).
    this.version(8).stores({ changes: null });
  }
}

/** The key of a record's entry in the feed: its kind and key, apart by a NUL (neither kind nor key holds one). */
export const feedId = (kind: ChangeKind, key: string): string => `${kind}\u0000${key}`;

/** A record's latest change as the feed table stores it: the change, keyed by `feedId`. */
export interface FeedEntry extends Change {
  id: string;
}

/** A sentence translation kept so the same text is never sent twice; `key` is provider + language + text. */
export interface CachedTranslation {
  key: string;
  provider: string;
  text: string;
  createdAt: number;
}

/** Opens (lazily, on first use) the database called `name`; the default is the production database. */
export const openAnnotationDb = (name: string = DB_NAME): AnnotationDb => new AnnotationDb(name);

/** One named setting, stored whole; its reader validates `value`. */
export interface SettingRecord {
  name: string;
  value: unknown;
}

/** A stored annotation that failed validation when read: kept as it was, with the reason, out of every view. */
export interface QuarantinedRecord {
  id: string;
  record: unknown;
  reason: string;
  quarantinedAt: number;
}
