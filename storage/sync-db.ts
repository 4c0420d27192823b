/**
 * Sync's own IndexedDB database (kept apart from the records' database, so turning sync off or onto another server
 * just empties it): the connection (server, credentials and the derived keys, as non-extractable `CryptoKey`s, which
 * IndexedDB stores without exposing their bits), checkpoints and clock, each record's last merged document, and the
 * remote documents refused. Background only.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CouchConfig } from '../lib/background/sync/couch-client';
import type { Base, Progress, QuarantinedDoc, SyncStateStore } from '../lib/background/sync/sync-state';
import { MAX_QUARANTINED } from '../lib/background/sync/sync-state';
import { bulkGetSparse } from './sparse-read';
import type { SyncKeys } from '../lib/core/sync/crypto';
import type { RecordKind } from '../lib/core/sync/sync-doc';

/** Name of the production sync database. */
export const SYNC_DB_NAME = 'netease-annotator-sync';

/** What turning sync on saves: where, as whom, with which keys, as which device. */
export interface SyncConnection {
  config: CouchConfig;
  keys: SyncKeys;
  device: string;
  /** When the last round finished without error (null: never). */
  lastSyncedAt: number | null;
}

interface Setting {
  name: 'progress' | 'connection';
  value: unknown;
}

interface BaseRow extends Base {
  id: string;
}

interface QuarantineRow extends QuarantinedDoc {
  seq?: number;
}

/** The sync database. */
export class SyncDb extends Dexie {
  /** Sync's own state (progress, connection): not the reader's settings, which sync replicates. */
  state!: EntityTable<Setting, 'name'>;
  bases!: EntityTable<BaseRow, 'id'>;
  quarantine!: EntityTable<QuarantineRow, 'seq'>;

  constructor(name = SYNC_DB_NAME) {
    super(name);
    this.version(1).stores({ state: 'name', bases: 'id', quarantine: '++seq, [id+rev]' });
  }
}

const baseId = (kind: RecordKind, key: string): string => `${kind}\u0000${key}`;

const START: Progress = { remoteSeq: 0, localSeq: 0, clock: [] };

/** The engine's per-device state in `db`. */
export function syncStateIn(db: SyncDb): SyncStateStore {
  return {
    async progress() {
      return ((await db.state.get('progress'))?.value as Progress | undefined) ?? structuredClone(START);
    },
    async saveProgress(progress) {
      await db.state.put({ name: 'progress', value: progress });
    },
    async baseMany(records) {
      const rows = await bulkGetSparse(
        db.bases,
        records.map(({ kind, key }) => baseId(kind, key)),
      );
      return rows.map((row) => (row ? { doc: row.doc, rev: row.rev, pending: row.pending } : null));
    },
    async saveBaseMany(bases) {
      if (bases.length === 0) return;
      await db.bases.bulkPut(bases.map(({ kind, key, base }) => ({ id: baseId(kind, key), ...base })));
    },
    async bases(kind) {
      const prefix = baseId(kind, '');
      const rows = await db.bases.where('id').startsWith(prefix).toArray();
      return rows.map((row) => ({
        key: row.id.slice(prefix.length),
        base: { doc: row.doc, rev: row.rev, pending: row.pending },
      }));
    },
    async quarantine(doc) {
      await db.transaction('rw', db.quarantine, async () => {
        await db.quarantine.where('[id+rev]').equals([doc.id, doc.rev]).delete();
        await db.quarantine.add(doc);
        const extra = (await db.quarantine.count()) - MAX_QUARANTINED;
        if (extra > 0) await db.quarantine.orderBy('seq').limit(extra).delete();
      });
    },
    async quarantined() {
      return (await db.quarantine.orderBy('seq').toArray()).map(({ seq: _seq, ...doc }) => doc);
    },
    async clear() {
      await db.transaction('rw', db.state, db.bases, db.quarantine, async () => {
        await db.state.delete('progress');
        await db.bases.clear();
        await db.quarantine.clear();
      });
    },
  };
}

/** The saved connection in `db`, read and written. */
export function syncConnectionIn(db: SyncDb) {
  return {
    async read(): Promise<SyncConnection | null> {
      return ((await db.state.get('connection'))?.value as SyncConnection | undefined) ?? null;
    },
    async write(connection: SyncConnection | null): Promise<void> {
      if (connection === null) await db.state.delete('connection');
      else await db.state.put({ name: 'connection', value: connection });
    },
  };
}
