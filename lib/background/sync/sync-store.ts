/**
 * What sync needs of local storage: the change feed (every committed write as one row per record, latest last) and
 * validated writes of merged remote records, a batch at a time. The real implementation adapts the database's change feed; the memory
 * one here serves the engine's tests and stands for a device.
 */
import type { RecordKind } from '../../core/sync/sync-doc';

export type { RecordKind } from '../../core/sync/sync-doc';

/** A merged record from the server to store (null: remove it). */
export interface RemoteRecord {
  kind: RecordKind;
  key: string;
  record: unknown | null;
}

/**
 * What became of one remote record: stored, at this feed seq (null: a removal of a record that was not there, which
 * leaves no row); refused, and why; or not written because the record changed here after sync read it (`stale`: the
 * merge was made from an older value, so sync reads the record again and merges anew).
 */
export type ApplyOutcome = { seq: number | null } | { refused: string } | { stale: true };

/** One record's latest committed write. */
export interface Change {
  seq: number;
  kind: RecordKind;
  key: string;
  rev: number;
  at: number;
  deleted: boolean;
}

/** Local storage as sync sees it. */
export interface SyncStore {
  /** Changes after `seq`, ascending, one row per kind+key (its latest). */
  changesSince(seq: number, limit?: number): Promise<Change[]>;
  /** How many records changed after `seq` (the rows `changesSince` would answer, counted without reading them). */
  countSince(seq: number): Promise<number>;
  /** The latest seq written. */
  lastSeq(): Promise<number>;
  /** The stored record (validated model shape), or null. */
  read(kind: RecordKind, key: string): Promise<unknown | null>;
  /** The stored records (as `read`), in the order named, read together. */
  readMany(records: readonly { kind: RecordKind; key: string }[]): Promise<(unknown | null)[]>;
  /**
   * Writes merged remote records (null: removes one) in one write. Validates each again: answers, in order, the feed
   * seq each written record got, or the reason each refused one was not written. With `unchangedSince` (the feed's
   * last seq when sync read the records it merged), a record written here after that seq is left as it is (stale):
   * a reader's edit made while sync merged is never overwritten by the merge of its older value.
   */
  applyRemoteMany(records: readonly RemoteRecord[], unchangedSince?: number): Promise<ApplyOutcome[]>;
  /**
   * Calls `listener` after each committed write; answers the unsubscribe function. `origin` says whether it was a
   * local edit or sync's own `applyRemoteMany` (the change feed passes it after the articles the write touched).
   */
  subscribe(listener: ChangeListener): () => void;
}

/** Who wrote: the reader here, or sync applying another device's change. */
export type WriteOrigin = 'local' | 'remote';

/** A change-feed subscriber. */
export type ChangeListener = (changes: readonly Change[], articleIds?: readonly string[], origin?: WriteOrigin) => void;

const recordId = (kind: RecordKind, key: string): string => `${kind}\u0000${key}`;

/** A store in memory with a change feed: one device in tests. `write` is a local edit, `applyRemoteMany` sync's write. */
export class MemorySyncStore implements SyncStore {
  private readonly records = new Map<string, { kind: RecordKind; key: string; record: unknown }>();
  private readonly feed = new Map<string, Change>();
  private seq = 0;
  private readonly listeners = new Set<ChangeListener>();
  /** Every record sync wrote, in order (tests check nothing is applied twice). */
  readonly applied: { kind: RecordKind; key: string; record: unknown | null }[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** A local write (null removes), as the reader's edit would commit it. */
  async write(kind: RecordKind, key: string, record: unknown | null): Promise<void> {
    this.commit(kind, key, record, 'local');
  }

  changesSince(seq: number, limit = Number.POSITIVE_INFINITY): Promise<Change[]> {
    const rows = [...this.feed.values()].filter((change) => change.seq > seq).sort((a, b) => a.seq - b.seq);
    return Promise.resolve(rows.slice(0, limit));
  }

  countSince(seq: number): Promise<number> {
    return Promise.resolve([...this.feed.values()].filter((change) => change.seq > seq).length);
  }

  lastSeq(): Promise<number> {
    return Promise.resolve(this.seq);
  }

  read(kind: RecordKind, key: string): Promise<unknown | null> {
    const found = this.records.get(recordId(kind, key));
    return Promise.resolve(found ? structuredClone(found.record) : null);
  }

  readMany(records: readonly { kind: RecordKind; key: string }[]): Promise<(unknown | null)[]> {
    return Promise.all(records.map(({ kind, key }) => this.read(kind, key)));
  }

  /** Stores each record as sync's write (this store refuses nothing but records changed after `unchangedSince`). */
  applyRemoteMany(records: readonly RemoteRecord[], unchangedSince = Number.POSITIVE_INFINITY): Promise<ApplyOutcome[]> {
    return Promise.resolve(
      records.map(({ kind, key, record }): ApplyOutcome => {
        if ((this.feed.get(recordId(kind, key))?.seq ?? 0) > unchangedSince) return { stale: true };
        this.applied.push({ kind, key, record });
        return { seq: this.commit(kind, key, record, 'remote') };
      }),
    );
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every stored record of a kind, by key (for comparing devices in tests). */
  all(kind: RecordKind): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const entry of this.records.values()) if (entry.kind === kind) out.set(entry.key, entry.record);
    return out;
  }

  /** Stores or removes one record and records it in the feed; answers its seq. */
  private commit(kind: RecordKind, key: string, record: unknown | null, origin: WriteOrigin): number {
    const id = recordId(kind, key);
    if (record === null) this.records.delete(id);
    else this.records.set(id, { kind, key, record: structuredClone(record) });
    const change: Change = {
      seq: ++this.seq,
      kind,
      key,
      rev: (this.feed.get(id)?.rev ?? 0) + 1,
      at: this.now(),
      deleted: record === null,
    };
    this.feed.delete(id);
    this.feed.set(id, change);
    const articleIds = kind === 'annotation' && record !== null ? [(record as { articleId: string }).articleId] : [];
    for (const listener of this.listeners) listener([change], articleIds, origin);
    return change.seq;
  }
}
