/** Sync's state as the options page and the popup show it, shared by the background and the pages. */

/** Why sync is not working (see `lib/background/sync/couch-client.ts` for when each happens). */
export type SyncErrorCode =
  | 'unreachable'
  | 'timeout'
  | 'not-couchdb'
  | 'unauthorized'
  | 'forbidden'
  | 'missing-database'
  | 'conflict'
  | 'unsent'
  | 'server-error'
  | 'bad-response'
  | 'wrong-passphrase'
  | 'invalid-address'
  | 'missing-database-name'
  | 'missing-passphrase'
  | 'cannot-create-database'
  | 'no-permission'
  | 'refused-entry'
  | 'unavailable';

/** Codes that mean "no connection right now": changes wait and go when it returns. */
export const OFFLINE_CODES: readonly SyncErrorCode[] = ['unreachable', 'timeout'];

/** `off`: not set up; `synced`: the last round finished; `offline`: the server cannot be reached; `error`: see `error`. */
export type SyncState = 'off' | 'syncing' | 'synced' | 'offline' | 'error';

/** Everything the status line says. */
export interface SyncStatus {
  state: SyncState;
  /** Where sync goes (no password), or null when it is off. */
  server: { url: string; database: string; username: string } | null;
  /** When the last round finished without error. */
  lastSyncedAt: number | null;
  /** Local changes not yet on the server. */
  waiting: number;
  /** Remote documents refused (kept out of local data). */
  quarantined: number;
  error: { code: SyncErrorCode; message: string } | null;
}
