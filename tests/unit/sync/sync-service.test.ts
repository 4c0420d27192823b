// @vitest-environment node
/**
 * The background's sync service over the real sync database (IndexedDB, here fake-indexeddb) and a real
 * pouchdb-server: turning on says what is wrong (missing database, then created on request; wrong passphrase; 401),
 * saves nothing on a refusal, syncs two devices, reports the status, and turning off keeps local data.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SyncService } from '../../../lib/background/sync/sync-service';
import { createMeta } from '../../../lib/core/sync/meta';
import { serverAddress, serverPermission } from '../../../lib/core/sync/origins';
import { MemorySyncStore } from '../../../lib/background/sync/sync-store';
import { SyncDb, syncConnectionIn, syncStateIn } from '../../../storage/sync-db';
import { faultyFetch, useTargets } from './couch-harness';
import { annotation } from './records';

let dbs = 0;

/** A device: a memory record store and a sync service on a fresh sync database. */
function deviceService() {
  const db = new SyncDb(`sync-service-test-${++dbs}`);
  const store = new MemorySyncStore();
  const service = new SyncService({ store, state: syncStateIn(db), connection: syncConnectionIn(db) });
  return { store, service, connection: syncConnectionIn(db) };
}

const [target] = useTargets();

describe('sync service', () => {
  it('turns on step by step, saying what is wrong, and syncs two devices', async () => {
    const a = deviceService();
    const b = deviceService();
    const database = `service-${Date.now().toString(36)}`;
    const request = {
      url: `${target!.url}/`,
      database,
      ...target!.admin,
      passphrase: 'service passphrase',
      createDatabase: false,
    };
    expect((await a.service.turnOn({ ...request, url: 'ftp://example.org' })).error?.code).toBe('invalid-address');
    const missing = await a.service.turnOn(request);
    expect(missing).toMatchObject({ state: 'off', error: { code: 'missing-database' } });
    expect(await a.connection.read()).toBeNull();
    expect((await a.service.turnOn({ ...request, password: 'nope' })).error?.code).toBe('unauthorized');
    const on = await a.service.turnOn({ ...request, createDatabase: true });
    expect(on).toMatchObject({ state: 'synced', waiting: 0, error: null, server: { url: target!.url, database } });
    expect(on.lastSyncedAt).not.toBeNull();

    expect((await b.service.turnOn({ ...request, passphrase: 'wrong' })).error?.code).toBe('wrong-passphrase');
    expect(await b.connection.read()).toBeNull();
    await b.service.turnOn(request);

    const record = annotation('会当凌绝顶');
    await a.store.write('annotation', record.id, record);
    expect((await a.service.status()).waiting).toBe(1);
    expect(await a.service.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    await b.service.syncNow();
    expect(await b.store.read('annotation', record.id)).toMatchObject({ id: record.id, target: record.target });

    expect(await b.service.turnOff()).toMatchObject({ state: 'off', server: null });
    expect(await b.connection.read()).toBeNull();
    expect(await b.store.read('annotation', record.id)).not.toBeNull();
  });

  it('says only a server admin can create a database when the server refuses to (401 or 403)', async () => {
    const database = `not-admin-${Date.now().toString(36)}`;
    // CouchDB answers 401 to a user who is not an admin (pouchdb-server cannot: it crashes on it), some servers 403.
    for (const status of [401, 403]) {
      const db = new SyncDb(`sync-service-test-${++dbs}`);
      const service = new SyncService({
        store: new MemorySyncStore(),
        state: syncStateIn(db),
        connection: syncConnectionIn(db),
        fetch: faultyFetch((method, path) =>
          method === 'PUT' && path === `/${database}`
            ? new Response('{"error":"unauthorized","reason":"You are not a server admin."}', { status })
            : 'pass',
        ),
      });
      const refused = await service.turnOn({
        url: target!.url,
        database,
        ...target!.admin,
        passphrase: 'not admin passphrase',
        createDatabase: true,
      });
      expect(refused, String(status)).toMatchObject({ state: 'off', error: { code: 'cannot-create-database' } });
      expect(await syncConnectionIn(db).read()).toBeNull();
    }
  });

  it('starts a round soon after a local write, and none for its own writes', async () => {
    const db = new SyncDb(`sync-service-test-${++dbs}`);
    const store = new MemorySyncStore();
    const pending: (() => void)[] = [];
    const service = new SyncService({
      store,
      state: syncStateIn(db),
      connection: syncConnectionIn(db),
      schedule: (task) => {
        pending.push(task);
        return () => pending.splice(pending.indexOf(task), 1);
      },
    });
    const stop = service.watchLocalWrites();
    const record = annotation('江流天地外');
    await store.applyRemoteMany([{ kind: 'annotation', key: record.id, record }]);
    expect(pending).toHaveLength(0);
    await store.write('annotation', record.id, { ...record, note: 'mine' });
    await store.write('annotation', record.id, { ...record, note: 'mine again' });
    // A burst of writes: one round, scheduled once.
    expect(pending).toHaveLength(1);
    stop();
    expect(pending).toHaveLength(0);
  });

  it('says the earlier versions changed after a round that merged or wrote records, and after turning off, only then', async () => {
    const request = {
      url: target!.url,
      database: `history-${Date.now().toString(36)}`,
      ...target!.admin,
      passphrase: 'history passphrase',
      createDatabase: true,
    };
    const told = { a: 0, b: 0 };
    const device = (name: 'a' | 'b') => {
      const db = new SyncDb(`sync-service-test-${++dbs}`);
      const store = new MemorySyncStore();
      const service = new SyncService({
        store,
        state: syncStateIn(db),
        connection: syncConnectionIn(db),
        onHistoryChanged: () => told[name]++,
      });
      return { store, service };
    };
    const a = device('a');
    const b = device('b');
    await a.service.turnOn(request);
    await b.service.turnOn({ ...request, createDatabase: false });
    // Nothing to merge yet on either side.
    expect(told).toEqual({ a: 0, b: 0 });

    const record = annotation('欲穷千里目');
    await a.store.write('annotation', record.id, record);
    await a.service.syncNow();
    expect(told.a).toBe(1);
    await a.service.syncNow();
    expect(told.a).toBe(1);
    await b.service.syncNow();
    expect(told.b).toBe(1);
    await b.service.turnOff();
    expect(told.b).toBe(2);
  });

  it('keeps only http(s) addresses without credentials, plain http only for a server on this computer', async () => {
    expect(serverAddress('https://couch.example.org:6984/prefix/')).toBe('https://couch.example.org:6984/prefix');
    expect(serverAddress('https://user:pw@couch.example.org')).toBeNull();
    expect(serverAddress('javascript:alert(1)')).toBeNull();
    expect(serverAddress('not a url')).toBeNull();
    expect(serverPermission('http://127.0.0.1:5984/couch/')).toBe('http://127.0.0.1:5984/*');
    expect(serverAddress('http://localhost:5984')).toBe('http://localhost:5984');
    expect(serverAddress('http://[::1]:5984')).toBe('http://[::1]:5984');
    // The password would travel in clear to any other host.
    expect(serverAddress('http://couch.example.org:5984')).toBeNull();
    expect(serverAddress('http://192.168.1.20:5984')).toBeNull();
    expect(serverPermission('http://couch.example.org')).toBeNull();
    const refused = await deviceService().service.turnOn({
      url: 'http://couch.example.org:5984',
      database: 'notes',
      username: 'reader',
      password: 'secret',
      passphrase: 'passphrase',
      createDatabase: false,
    });
    expect(refused).toMatchObject({ state: 'off', error: { code: 'invalid-address' } });
    expect(refused.error?.message).toContain('only for a server on this computer');

    // A connection an earlier build saved with such an address sends nothing: the round stops before any request.
    const saved = deviceService();
    await saved.connection.write({
      config: { url: 'http://couch.example.org:5984', database: 'notes', username: 'reader', password: 'secret' },
      keys: (await createMeta('passphrase')).keys,
      device: 'old-device',
      lastSyncedAt: null,
    });
    const original = globalThis.fetch;
    let requests = 0;
    globalThis.fetch = (...args) => {
      requests++;
      return original(...args);
    };
    try {
      expect(await saved.service.syncNow()).toMatchObject({ state: 'error', error: { code: 'invalid-address' } });
      await saved.service.live(new AbortController().signal);
    } finally {
      globalThis.fetch = original;
    }
    expect(requests).toBe(0);
  });
});
