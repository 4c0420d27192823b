/**
 * What the sync engine keeps between rounds on one device: its id and clock, both checkpoints, each record's last
 * merged document with the server revision it was merged with (the base a local edit is compared with), and the
 * remote documents it refused. The memory implementation serves tests; the extension keeps the same in IndexedDB.
 */
import type { Known } from '../../core/sync/hlc';
import type { RecordKind, SyncDoc } from '../../core/sync/sync-doc';

/**
 * A record's last merged document (what local data holds) and the server revision it was merged with (null: not on
 * the server yet); `pending` while the server does not hold this document yet.
 */
export interface Base {
  doc: SyncDoc;
  rev: string | null;
  pending: boolean;
}

/** Names one record. */
export interface RecordRef {
  kind: RecordKind;
  key: string;
}

/** A remote document that was not applied, and why. */
export interface QuarantinedDoc {
  id: string;
  rev: string;
  reason: string;
  at: number;
}

/** Checkpoints and the clock. */
export interface Progress {
  /**
   * The database this state was merged with and this device's id there (absent: saved by an earlier build, or never
   * turned on). Turning sync on again with the same database carries on from this state; another database starts afresh.
   */
  owner?: { database: string; device: string };
  /** The server's `_changes` sequence read up to (opaque: a number on PouchDB Server, a string on CouchDB 2+). */
  remoteSeq: unknown;
  /** The local feed's seq pushed up to. */
  localSeq: number;
  /** The hybrid clock's history (see `HybridClock`). */
  clock: Known[];
}

/** Per-device sync state. */
export interface SyncStateStore {
  progress(): Promise<Progress>;
  saveProgress(progress: Progress): Promise<void>;
  /** The bases of these records, in their order (null: none yet). */
  baseMany(records: readonly RecordRef[]): Promise<(Base | null)[]>;
  /** Saves these bases, together. */
  saveBaseMany(bases: readonly (RecordRef & { base: Base })[]): Promise<void>;
  /** Every base of one kind, with its record's key. */
  bases(kind: RecordKind): Promise<{ key: string; base: Base }[]>;
  quarantine(doc: QuarantinedDoc): Promise<void>;
  quarantined(): Promise<QuarantinedDoc[]>;
  /** Forgets everything (turning sync on with another database). */
  clear(): Promise<void>;
}

/** Most quarantined documents remembered (the oldest go first). */
export const MAX_QUARANTINED = 200;

const START: Progress = { remoteSeq: 0, localSeq: 0, clock: [] };

/** Sync state in memory. */
export class MemorySyncState implements SyncStateStore {
  private current: Progress = structuredClone(START);
  private readonly saved = new Map<string, Base>();
  private readonly refused: QuarantinedDoc[] = [];

  progress(): Promise<Progress> {
    return Promise.resolve(structuredClone(this.current));
  }

  saveProgress(progress: Progress): Promise<void> {
    this.current = structuredClone(progress);
    return Promise.resolve();
  }

  baseMany(records: readonly RecordRef[]): Promise<(Base | null)[]> {
    return Promise.resolve(
      records.map(({ kind, key }) => {
        const found = this.saved.get(`${kind}\u0000${key}`);
        return found ? structuredClone(found) : null;
      }),
    );
  }

  saveBaseMany(bases: readonly (RecordRef & { base: Base })[]): Promise<void> {
    for (const { kind, key, base } of bases) this.saved.set(`${kind}\u0000${key}`, structuredClone(base));
    return Promise.resolve();
  }

  bases(kind: RecordKind): Promise<{ key: string; base: Base }[]> {
    const prefix = `${kind}\u0000`;
    return Promise.resolve(
      [...this.saved.entries()]
        .filter(([id]) => id.startsWith(prefix))
        .map(([id, base]) => ({ key: id.slice(prefix.length), base: structuredClone(base) })),
    );
  }

  quarantine(doc: QuarantinedDoc): Promise<void> {
    const same = this.refused.findIndex((item) => item.id === doc.id && item.rev === doc.rev);
    if (same >= 0) this.refused.splice(same, 1);
    this.refused.push(doc);
    if (this.refused.length > MAX_QUARANTINED) this.refused.shift();
    return Promise.resolve();
  }

  quarantined(): Promise<QuarantinedDoc[]> {
    return Promise.resolve([...this.refused]);
  }

  clear(): Promise<void> {
    this.current = structuredClone(START);
    this.saved.clear();
    this.refused.length = 0;
    return Promise.resolve();
  }
}
