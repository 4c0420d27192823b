/**
 * Test set-up for sync against real CouchDB-protocol servers: a fresh pouchdb-server per test file, and Apache CouchDB
 * too where `COUCHDB_URL` (with an admin's credentials) is set. Each test gets its own database; each device is a
 * memory store, a memory sync state and an engine.
 */
import { afterAll, beforeAll } from 'vitest';
import { startCouchServer, type CouchServer } from '../../../scripts/couch-server';
import { CouchClient, type CouchConfig } from '../../../lib/background/sync/couch-client';
import { SyncEngine } from '../../../lib/background/sync/sync-engine';
import { MemorySyncState } from '../../../lib/background/sync/sync-state';
import { MemorySyncStore } from '../../../lib/background/sync/sync-store';
import type { SyncKeys } from '../../../lib/core/sync/crypto';
import { unlockDatabase } from '../../../lib/background/sync/unlock';

/** A server the tests run against. */
export interface Target {
  name: string;
  url: string;
  admin: { username: string; password: string };
}

/** The servers of this run: pouchdb-server (started here) and `COUCHDB_URL` when set. */
export function useTargets(): Target[] {
  const targets: Target[] = [];
  let server: CouchServer | undefined;
  const pouch: Target = { name: 'pouchdb-server', url: '', admin: { username: '', password: '' } };
  targets.push(pouch);
  beforeAll(async () => {
    server = await startCouchServer();
    pouch.url = server.url;
    pouch.admin = server.admin;
  }, 120_000);
  afterAll(async () => server?.stop());
  const external = process.env.COUCHDB_URL;
  if (external) {
    const parsed = new URL(external);
    const admin = { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
    parsed.username = '';
    parsed.password = '';
    targets.push({ name: 'COUCHDB_URL', url: parsed.origin + parsed.pathname.replace(/\/$/, ''), admin });
  }
  return targets;
}

let databases = 0;

/** A new empty database on `target`; answers the admin's config for it. */
export async function freshDatabase(target: Target): Promise<CouchConfig> {
  const database = `nea-test-${process.pid}-${Date.now().toString(36)}-${++databases}`;
  const config: CouchConfig = { url: target.url, database, ...target.admin };
  await new CouchClient(config).createDatabase();
  return config;
}

/** A device: its store, its state, its engine, and a clock the test moves. */
export interface Device {
  name: string;
  store: MemorySyncStore;
  state: MemorySyncState;
  engine: SyncEngine;
  client: CouchClient;
  /** Moves this device's wall clock. */
  advance(ms: number): void;
}

/** A device on `config` with `keys`, its wall clock starting at `start` (devices' clocks may disagree). */
export function device(
  name: string,
  config: CouchConfig,
  keys: SyncKeys,
  start = 1_700_000_000_000,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Device {
  let wall = start;
  const now = (): number => wall;
  const store = new MemorySyncStore(now);
  const state = new MemorySyncState();
  const client = new CouchClient(config, options.fetch, options.timeoutMs ?? 5_000);
  const engine = new SyncEngine({ store, state, client, keys, device: name, now, batchSize: 7 });
  return { name, store, state, engine, client, advance: (ms) => (wall += ms) };
}

/** The keys of a database set up with `passphrase` (the first call writes its meta document). */
export const unlock = (config: CouchConfig, passphrase: string): Promise<SyncKeys> =>
  unlockDatabase(new CouchClient(config), passphrase).then(({ keys }) => keys);

/** What a faulty connection does to one request: pass it, answer instead, or fail before or after the server acts. */
export type Fault = 'pass' | 'drop-before' | 'drop-after' | 'hang' | Response;

/**
 * A `fetch` that asks `rule` about each request (its method, URL path and how many came before) and misbehaves as
 * told. `calls` counts requests.
 */
export function faultyFetch(rule: (method: string, path: string, index: number) => Fault): typeof fetch & { calls: number } {
  const wrapped = Object.assign(
    async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      const fault = rule(method, url.pathname, wrapped.calls++);
      if (fault instanceof Response) return fault;
      if (fault === 'drop-before') throw new TypeError('fetch failed: connection reset');
      if (fault === 'hang') {
        return new Promise<Response>((_, fail) => init?.signal?.addEventListener('abort', () => fail(init.signal!.reason)));
      }
      const response = await fetch(input, init);
      if (fault === 'drop-after') {
        await response.arrayBuffer();
        throw new TypeError('fetch failed: connection reset after the server answered');
      }
      return response;
    },
    { calls: 0 },
  );
  return wrapped;
}
