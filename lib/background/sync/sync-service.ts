/**
 * Sync as the background runs it: turning it on (check the server, the credentials and the passphrase, then save the
 * connection), rounds on demand, soon after local writes, on the alarm and while the server reports changes (long
 * poll), one round at a time, and the status the pages show.
 */
import type { SyncConnection } from '../../../storage/sync-db';
import type { AnnotationHistory } from '../../core/sync/annotation-history';
import { serverAddress } from '../../core/sync/origins';
import { OFFLINE_CODES, type SyncErrorCode, type SyncStatus } from '../../core/sync/status';
import { CouchClient, DATABASE_NAME_RE, SyncError, type CouchConfig } from './couch-client';
import { SyncEngine } from './sync-engine';
import type { SyncStateStore } from './sync-state';
import type { SyncStore } from './sync-store';
import { unlockDatabase } from './unlock';
import { META_ID, parseMeta } from '../../core/sync/meta';

/** What turning sync on asks for. */
export interface TurnOnRequest extends CouchConfig {
  passphrase: string;
  /** Create the database first (the reader said yes after "database missing"). */
  createDatabase: boolean;
}

/** What the service works with. */
export interface SyncServiceDeps {
  store: SyncStore;
  state: SyncStateStore;
  connection: { read(): Promise<SyncConnection | null>; write(connection: SyncConnection | null): Promise<void> };
  fetch?: typeof fetch;
  now?: () => number;
  /** A new device id. */
  newDevice?: () => string;
  /** Told when sync was just turned on (to start the live feed and the alarm). */
  onTurnedOn?: () => void;
  /** Told when sync was just turned off (to stop the alarm). */
  onTurnedOff?: () => void;
  /**
   * Told when the earlier versions sync keeps of each record changed: after a round that merged or wrote records, and
   * after sync was turned off (it forgets them). Pages that show them read them again then, and only then.
   */
  onHistoryChanged?: () => void;
  /** Runs `task` after `ms` (a timer); answers how to cancel it. */
  schedule?: (task: () => void, ms: number) => () => void;
}

/** `setTimeout` as a `schedule`. */
const timer = (task: () => void, ms: number): (() => void) => {
  const id = setTimeout(task, ms);
  return () => clearTimeout(id);
};

/** How long after a local write the round starts (a burst of edits goes in one round). */
export const PUSH_DELAY_MS = 1_500;

/** How long one long poll waits for the server's changes. */
export const LIVE_WAIT_MS = 25_000;

/** How long the live feed rests after a failure before it asks again. */
const LIVE_RETRY_MS = 30_000;

const describe = (err: unknown): { code: SyncErrorCode; message: string } =>
  err instanceof SyncError
    ? { code: err.code, message: err.message }
    : { code: 'server-error', message: err instanceof Error ? err.message : String(err) };

/** What names a database a sync state belongs to: its address, its name and its meta document's salt (`instance`). */
const ownerDatabase = ({ url, database }: CouchConfig, instance: string): string => [url, database, instance].join('\n');

/** Waits `ms`, or less when `signal` aborts or `wake` is called (it is handed the function that ends the wait). */
const sleep = (ms: number, signal: AbortSignal, wake: (end: () => void) => void): Promise<void> =>
  new Promise((done) => {
    const end = (): void => {
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(end, ms);
    signal.addEventListener('abort', end);
    wake(end);
  });

/** The background's sync. */
export class SyncService {
  private readonly now: () => number;
  private running: Promise<SyncStatus> | null = null;
  /** The end of the last task `exclusive` was given. */
  private lock: Promise<void> = Promise.resolve();
  /** The sync state is known to have its owner (see `nameState`): asked once per service, not every round. */
  private stateNamed = false;
  private again = false;
  private syncing = false;
  private lastError: { code: SyncErrorCode; message: string } | null = null;
  private cancelPush: (() => void) | null = null;
  /** Ends the live feed's rest after a failure (a round just worked: the server is back). */
  private wakeLive: (() => void) | null = null;

  constructor(private readonly deps: SyncServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The status line's content. */
  async status(): Promise<SyncStatus> {
    const connection = await this.deps.connection.read();
    if (connection === null) {
      return { state: 'off', server: null, lastSyncedAt: null, waiting: 0, quarantined: 0, error: this.lastError };
    }
    const { url, database, username } = connection.config;
    const engine = this.engineFor(connection);
    const error = this.lastError;
    return {
      state: this.syncing ? 'syncing' : error === null ? 'synced' : OFFLINE_CODES.includes(error.code) ? 'offline' : 'error',
      server: { url, database, username },
      lastSyncedAt: connection.lastSyncedAt,
      waiting: await engine.waiting(),
      quarantined: (await this.deps.state.quarantined()).length,
      error,
    };
  }

  /**
   * Checks the server, the credentials and the passphrase and, when all is well, saves the connection and runs the
   * first round. On a problem nothing is saved and the status says what is wrong (sync stays as it was). The same
   * database as before (turned off since, or with a new password) carries on from the sync state it left: each
   * record's last merge says which fields were edited here meanwhile, so edits made elsewhere to other fields stay.
   */
  async turnOn(request: TurnOnRequest): Promise<SyncStatus> {
    const url = serverAddress(request.url);
    if (url === null)
      return this.refused(
        'invalid-address',
        'The server address must start with https:// (http:// only for a server on this computer) and hold no user name or password.',
      );
    if (!DATABASE_NAME_RE.test(request.database)) {
      return this.refused(
        'invalid-address',
        'A database name starts with a lower-case letter and holds only a-z, 0-9 and _$()+-/.',
      );
    }
    const config: CouchConfig = { url, database: request.database, username: request.username, password: request.password };
    const client = new CouchClient(config, this.deps.fetch);
    let unlocked;
    try {
      await client.checkServer();
      if (request.createDatabase) await client.createDatabase();
      unlocked = await unlockDatabase(client, request.passphrase);
    } catch (err) {
      const { code, message } = describe(err);
      return this.refused(code, message);
    }
    // Not beside a round: one on the connection before would save its state and connection back over these.
    this.cancelPush?.();
    await this.exclusive(async () => {
      const previous = await this.deps.connection.read();
      const progress = await this.deps.state.progress();
      const database = ownerDatabase(config, unlocked.instance);
      const wasOn = previous?.config.url === url && previous.config.database === config.database;
      // An earlier build kept no owner: the connection it left tells the database.
      const same = progress.owner ? progress.owner.database === database : wasOn;
      const device = (same ? (progress.owner?.device ?? previous?.device) : undefined) ?? this.newDevice();
      if (!same) await this.deps.state.clear();
      await this.deps.state.saveProgress({ ...(await this.deps.state.progress()), owner: { database, device } });
      await this.deps.connection.write({
        config,
        keys: unlocked.keys,
        device,
        lastSyncedAt: same && wasOn ? previous.lastSyncedAt : null,
      });
    });
    this.lastError = null;
    const status = await this.syncNow();
    this.deps.onTurnedOn?.();
    return status;
  }

  /**
   * Stops syncing and forgets the server, the credentials and the keys; local data stays, and so does the sync state
   * (each record's last merge), which turning on the same database again carries on from.
   */
  async turnOff(): Promise<SyncStatus> {
    this.cancelPush?.();
    await this.exclusive(() => this.deps.connection.write(null));
    this.lastError = null;
    this.deps.onTurnedOff?.();
    this.deps.onHistoryChanged?.();
    return this.status();
  }

  /**
   * Whether local data holds the other devices' edits: true at once while sync is off; otherwise whether the round
   * running (the one the worker's start began) or else a new one worked. The purge of old deleted annotations waits
   * for it: a removal drops every edit made before it, so an annotation another device edited after its delete must
   * arrive (and stay) before this device purges it.
   */
  async upToDate(): Promise<boolean> {
    if ((await this.deps.connection.read()) === null) return true;
    await (this.running ?? this.syncNow());
    return this.lastError === null;
  }

  /** Runs a round now (or right after the one running); answers the status after it. */
  syncNow(): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.roundOnce();
        } while (this.again);
      } finally {
        this.running = null;
      }
      return this.status();
    })();
    return this.running;
  }

  /** Starts a round shortly after the reader's local writes; answers the function that stops it. */
  watchLocalWrites(): () => void {
    const schedule = this.deps.schedule ?? timer;
    const unsubscribe = this.deps.store.subscribe((_changes, _articleIds, origin) => {
      // Sync's own writes need no round of their own.
      if (origin === 'remote') return;
      this.cancelPush?.();
      this.cancelPush = schedule(() => {
        this.cancelPush = null;
        void this.syncNow();
      }, PUSH_DELAY_MS);
    });
    return () => {
      this.cancelPush?.();
      unsubscribe();
    };
  }

  /**
   * The live feed: long polls the server for changes after the checkpoint and runs a round when there are some, until
   * `signal` aborts or, asked before each poll, `wanted` says no one is looking any more.
   */
  async live(signal: AbortSignal, wanted: () => Promise<boolean> = async () => true): Promise<void> {
    while (!signal.aborted && (await wanted())) {
      const connection = await this.deps.connection.read();
      // (An address no longer allowed: see `roundOnce`.)
      if (connection === null || serverAddress(connection.config.url) === null) return;
      try {
        const { remoteSeq } = await this.deps.state.progress();
        const client = new CouchClient(connection.config, this.deps.fetch);
        const { results, malformed } = await client.changes(remoteSeq, 1, { signal, waitMs: LIVE_WAIT_MS });
        // A malformed row is a change too: the round moves the checkpoint past it, else the poll answers it at once again.
        if (results.length + malformed.length > 0) await this.syncNow();
      } catch (err) {
        if (signal.aborted) return;
        this.lastError = describe(err);
        await sleep(LIVE_RETRY_MS, signal, (end) => (this.wakeLive = end));
        this.wakeLive = null;
      }
    }
  }

  /** What sync knows of one record beyond its value (earlier versions, kept after a delete), for the library. */
  async recordInfo(...args: Parameters<SyncEngine['recordInfo']>): ReturnType<SyncEngine['recordInfo']> {
    const connection = await this.deps.connection.read();
    if (connection === null) return { versions: [], keptAfterDelete: false };
    return this.engineFor(connection).recordInfo(...args);
  }

  /** Every annotation with history to show (none while sync is off), for the library. */
  async annotationHistory(): Promise<AnnotationHistory[]> {
    const connection = await this.deps.connection.read();
    return connection === null ? [] : this.engineFor(connection).annotationHistory();
  }

  private engineFor(connection: SyncConnection): SyncEngine {
    return new SyncEngine({
      store: this.deps.store,
      state: this.deps.state,
      client: new CouchClient(connection.config, this.deps.fetch),
      keys: connection.keys,
      device: connection.device,
      now: this.now,
    });
  }

  /** One round, never beside turning sync on or off (see `exclusive`). */
  private roundOnce(): Promise<void> {
    return this.exclusive(() => this.runRound());
  }

  private async runRound(): Promise<void> {
    const connection = await this.deps.connection.read();
    if (connection === null) return;
    // Saved by an earlier build that let plain http:// reach another computer: the password would go in clear.
    if (serverAddress(connection.config.url) === null) {
      this.lastError = { code: 'invalid-address', message: 'The saved server address is no longer allowed.' };
      return;
    }
    this.syncing = true;
    try {
      await this.nameState(connection);
      const report = await this.engineFor(connection).round();
      this.lastError =
        report.waiting > 0
          ? { code: 'unsent', message: `${report.waiting} local changes could not be written to the server this round.` }
          : null;
      // Still the current connection: turning sync on or off waits for the round (see `exclusive`).
      await this.deps.connection.write({ ...connection, lastSyncedAt: this.now() });
      this.wakeLive?.();
      if (report.pushed > 0 || report.applied > 0) this.deps.onHistoryChanged?.();
    } catch (err) {
      this.lastError = describe(err);
      if (!(err instanceof SyncError)) console.error('[netease-annotator] sync round failed', err);
    } finally {
      this.syncing = false;
    }
  }

  /**
   * Runs `task` after every task passed before it has ended: rounds, and the switches of turning sync on and off, so
   * no round reads one connection and saves its state or connection after a switch to another.
   */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task);
    this.lock = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * Names the database the sync state belongs to where an earlier build left it unnamed (it kept no owner), so that
   * turning sync off and on again with the same database keeps the state (see `turnOn`).
   */
  private async nameState(connection: SyncConnection): Promise<void> {
    if (this.stateNamed) return;
    const progress = await this.deps.state.progress();
    this.stateNamed = progress.owner !== undefined;
    if (this.stateNamed) return;
    const meta = parseMeta(await new CouchClient(connection.config, this.deps.fetch).get(META_ID));
    if (meta === null) return;
    const database = ownerDatabase(connection.config, meta.kdf.salt);
    await this.deps.state.saveProgress({ ...progress, owner: { database, device: connection.device } });
    this.stateNamed = true;
  }

  private newDevice(): string {
    return (this.deps.newDevice ?? (() => crypto.randomUUID()))();
  }

  private refused(code: SyncErrorCode, message: string): Promise<SyncStatus> {
    this.lastError = { code, message };
    return this.status();
  }
}
