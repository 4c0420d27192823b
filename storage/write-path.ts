/**
 * The one way records are written: every write to annotations, articles, known words, the word list and settings runs through
 * `write`, which records the change of each record it touched in the `feed` table (the change feed) in the same
 * transaction, and tells subscribers after the transaction committed. A write that fails records nothing and tells
 * no one.
 *
 * Two tables stay outside on purpose: the translation cache (`translation-cache.ts`: a cache, not the reader's data)
 * and the quarantine (`quarantine.ts`: setting a damaged record aside is not the reader deleting it, so it leaves no
 * tombstone that a sync would carry to other copies).
 */
import type { Table } from 'dexie';
import type { Annotation } from '../lib/core/model/annotation';
import type { Change, ChangeKind } from '../lib/core/model/changes';
import { feedId, type AnnotationDb, type FeedEntry } from './db';
import { bulkGetSparse } from './sparse-read';

/** Who made a write: the reader on this device (`local`), or sync bringing in another copy's records (`remote`). */
export type WriteOrigin = 'local' | 'remote';

/**
 * Called after each committed write with the changes it made, the articles whose annotations or record changed, and
 * who made it.
 */
export type ChangeListener = (changes: readonly Change[], articleIds: readonly string[], origin: WriteOrigin) => void;

/**
 * Writes to the record tables inside `write`, named as Dexie names them; each is recorded in the feed. Reads go to
 * the tables as usual.
 */
export interface Writer {
  /** Stores a record of `kind`, replacing any with its key. */
  put(kind: ChangeKind, record: object): Promise<void>;
  /** Stores a new record of `kind`; fails (and with it the whole write) when its key is taken. */
  add(kind: ChangeKind, record: object): Promise<void>;
  /** `put` for each record, in one request. */
  bulkPut(kind: ChangeKind, records: readonly object[]): Promise<void>;
  /** `add` for each record, in one request. */
  bulkAdd(kind: ChangeKind, records: readonly object[]): Promise<void>;
  /** Removes the records of `kind` with these keys; each that existed leaves a tombstone, unknown keys nothing. */
  bulkDelete(kind: ChangeKind, keys: readonly string[]): Promise<void>;
}

/** The feed's side of the database: the write path, the feed itself, and its subscribers. */
export interface WritePath {
  /**
   * Runs `work` in one read-write transaction over the record tables and the feed, at time `at`; answers its result.
   * `origin` is passed to the subscribers.
   */
  write<T>(at: number, work: (writer: Writer) => Promise<T>, origin?: WriteOrigin): Promise<T>;
  /** `write`, answering also the feed rows it recorded (sync notes the seq each record it stored got). */
  writeRecorded<T>(
    at: number,
    work: (writer: Writer) => Promise<T>,
    origin?: WriteOrigin,
  ): Promise<{ result: T; changes: readonly Change[] }>;
  /** The feed's entries after `seq` (0: from the start), ascending, at most `limit` of them. */
  changesSince(seq: number, limit?: number): Promise<Change[]>;
  /** How many entries `changesSince(seq)` would answer, counted in the index without reading them. */
  countSince(seq: number): Promise<number>;
  /** The highest `seq` in the feed; 0 when it is empty. */
  lastSeq(): Promise<number>;
  /** The stored record of `kind` with `key`, or null. */
  read(kind: ChangeKind, key: string): Promise<unknown | null>;
  /** `read` for each record named, in their order, in one transaction. */
  readMany(records: readonly { kind: ChangeKind; key: string }[]): Promise<(unknown | null)[]>;
  /** Calls `listener` after each committed write; returns a function that stops it. */
  subscribe(listener: ChangeListener): () => void;
}

/** The table of each kind of record. */
const tableOf = (db: AnnotationDb, kind: ChangeKind): Table<object, string> =>
  (
    ({
      annotation: db.annotations,
      article: db.articles,
      knownWord: db.knownWords,
      setting: db.settings,
      wordListEntry: db.wordList,
    }) as const
  )[kind] as unknown as Table<object, string>;

/** The property holding the key of each kind of record. */
const KEY_PROPERTY: Record<ChangeKind, string> = {
  annotation: 'id',
  article: 'id',
  knownWord: 'word',
  setting: 'name',
  wordListEntry: 'word',
};

/** The key of a record of `kind` (its table's primary key). */
export const recordKey = (kind: ChangeKind, record: object): string =>
  String((record as Record<string, unknown>)[KEY_PROPERTY[kind]]);

/** What a write touched: the last thing done to each record (a later put or removal of the same key wins). */
class Touched {
  readonly byKey = new Map<string, { kind: ChangeKind; key: string; deleted: boolean }>();
  readonly articleIds = new Set<string>();

  note(kind: ChangeKind, key: string, deleted: boolean): void {
    const id = feedId(kind, key);
    this.byKey.delete(id);
    this.byKey.set(id, { kind, key, deleted });
    if (kind === 'article') this.articleIds.add(key);
  }
}

/**
 * Replaces the feed entries of what `touched` lists with new ones (new seqs above every seq given so far, next
 * revisions); answers them. The highest seq always stays in the feed (entries are replaced by higher ones, never
 * removed), so the next seqs follow it.
 */
async function record(db: AnnotationDb, touched: Touched, at: number): Promise<Change[]> {
  const list = [...touched.byKey.values()];
  if (list.length === 0) return [];
  const ids = list.map(({ kind, key }) => feedId(kind, key));
  const [previous, last] = await Promise.all([bulkGetSparse(db.feed, ids), db.feed.orderBy('seq').lastKey()]);
  let seq = (last as number | undefined) ?? 0;
  const entries: FeedEntry[] = list.map(({ kind, key, deleted }, i) => ({
    id: ids[i]!,
    seq: ++seq,
    kind,
    key,
    rev: (previous[i]?.rev ?? 0) + 1,
    at,
    deleted,
  }));
  await db.feed.bulkPut(entries);
  return entries.map(changeOf);
}

/** The change a feed entry holds. */
const changeOf = ({ id: _id, ...change }: FeedEntry): Change => change;

/** Builds the write path of `db`; use `writePathOf`, so that every repository of one database shares it. */
function createWritePath(db: AnnotationDb): WritePath {
  const listeners = new Set<ChangeListener>();
  const recordTables = [db.annotations, db.articles, db.knownWords, db.settings, db.wordList, db.feed];

  const writerFor = (touched: Touched): Writer => {
    const noteAll = (kind: ChangeKind, records: readonly object[], deleted: boolean) => {
      for (const r of records) {
        touched.note(kind, recordKey(kind, r), deleted);
        if (kind === 'annotation') touched.articleIds.add((r as Annotation).articleId);
      }
    };
    return {
      put: async (kind, record) => {
        await tableOf(db, kind).put(record);
        noteAll(kind, [record], false);
      },
      add: async (kind, record) => {
        await tableOf(db, kind).add(record);
        noteAll(kind, [record], false);
      },
      bulkPut: async (kind, records) => {
        await tableOf(db, kind).bulkPut([...records]);
        noteAll(kind, records, false);
      },
      bulkAdd: async (kind, records) => {
        await tableOf(db, kind).bulkAdd([...records]);
        noteAll(kind, records, false);
      },
      bulkDelete: async (kind, keys) => {
        const table = tableOf(db, kind);
        const found = (await table.bulkGet([...keys])).filter((r): r is object => r !== undefined);
        await table.bulkDelete(found.map((r) => recordKey(kind, r)));
        noteAll(kind, found, true);
      },
    };
  };

  const writeRecorded: WritePath['writeRecorded'] = async (at, work, origin = 'local') => {
    const touched = new Touched();
    const done = await db.transaction('rw', recordTables, async () => {
      const result = await work(writerFor(touched));
      return { result, changes: await record(db, touched, at) };
    });
    if (done.changes.length > 0) {
      const articleIds = [...touched.articleIds];
      for (const listener of [...listeners]) {
        try {
          listener(done.changes, articleIds, origin);
        } catch (err) {
          console.error('[netease-annotator] change listener failed', err);
        }
      }
    }
    return done;
  };

  return {
    write: async (at, work, origin) => (await writeRecorded(at, work, origin)).result,
    writeRecorded,
    changesSince: async (seq, limit) => {
      const after = db.feed.where('seq').above(seq);
      return (await (limit === undefined ? after : after.limit(limit)).toArray()).map(changeOf);
    },
    countSince: (seq) => db.feed.where('seq').above(seq).count(),
    lastSeq: async () => ((await db.feed.orderBy('seq').lastKey()) as number | undefined) ?? 0,
    read: async (kind, key) => (await tableOf(db, kind).get(key)) ?? null,
    readMany: (records) =>
      db.transaction('r', recordTables, async () => {
        const out: (unknown | null)[] = records.map(() => null);
        for (const kind of new Set(records.map((r) => r.kind))) {
          const at = records.flatMap((r, i) => (r.kind === kind ? [i] : []));
          const found = await bulkGetSparse(
            tableOf(db, kind),
            at.map((i) => records[i]!.key),
          );
          for (const [j, i] of at.entries()) out[i] = found[j] ?? null;
        }
        return out;
      }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const paths = new WeakMap<AnnotationDb, WritePath>();

/** The write path of `db`: one per database object, shared by its repositories and their subscribers. */
export function writePathOf(db: AnnotationDb): WritePath {
  let path = paths.get(db);
  if (!path) paths.set(db, (path = createWritePath(db)));
  return path;
}
