// @vitest-environment node
/**
 * Sync turned off and on again, and the purge, as the background's sync service runs them over the real sync
 * database (fake-indexeddb) and a real pouchdb-server: turning the same database on again carries on from the merge
 * state it left, so edits made elsewhere meanwhile to other fields stay; another database starts afresh; and the
 * purge of old deleted annotations waits for a round that worked.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/core/model/annotation';
import { SyncService, type TurnOnRequest } from '../../../lib/background/sync/sync-service';
import { MemorySyncStore } from '../../../lib/background/sync/sync-store';
import { SyncDb, syncConnectionIn, syncStateIn } from '../../../storage/sync-db';
import { useTargets } from './couch-harness';
import { annotation } from './records';

const DAY = 24 * 60 * 60 * 1000;
let dbs = 0;

/** A device with its own wall clock: a memory record store and a sync service on a fresh sync database. */
function device(fetch?: typeof globalThis.fetch) {
  let wall = 1_700_000_000_000;
  const now = (): number => wall;
  const db = new SyncDb(`turn-off-on-test-${++dbs}`);
  const store = new MemorySyncStore(now);
  const state = syncStateIn(db);
  const connection = syncConnectionIn(db);
  const service = new SyncService({ store, state, connection, now, fetch });
  const read = async (id: string) => (await store.read('annotation', id)) as Annotation | null;
  return { store, state, connection, service, read, advance: (ms: number) => (wall += ms), now };
}

const [target] = useTargets();

/** What turning sync on asks, for a new database of the test server. */
function request(name: string, createDatabase = true): TurnOnRequest {
  return { url: target!.url, database: name, ...target!.admin, passphrase: 'off and on', createDatabase };
}

let names = 0;
const freshName = () => `off-on-${process.pid}-${Date.now().toString(36)}-${++names}`;

/** Two devices syncing one new database, and an annotation quoting `quote` made on A that both hold. */
async function twoDevicesWith(quote: string) {
  const a = device();
  const b = device();
  const database = freshName();
  await a.service.turnOn(request(database));
  await b.service.turnOn(request(database, false));
  const made = annotation(quote);
  await a.store.write('annotation', made.id, made);
  await a.service.syncNow();
  await b.service.syncNow();
  return { a, b, database, made };
}

describe('sync turned off and on again', () => {
  it('keeps the edit another device made meanwhile to another field, on both devices', async () => {
    const { a, b, database, made } = await twoDevicesWith('大漠孤烟直');

    expect(await b.service.turnOff()).toMatchObject({ state: 'off' });
    a.advance(60_000);
    await a.store.write('annotation', made.id, { ...made, note: 'A, while B was off', updatedAt: a.now() });
    await a.service.syncNow();
    b.advance(120_000);
    await b.store.write('annotation', made.id, { ...(await b.read(made.id))!, color: 'green', updatedAt: b.now() });

    expect(await b.service.turnOn(request(database, false))).toMatchObject({ state: 'synced', waiting: 0 });
    await a.service.syncNow();
    for (const side of [a, b]) {
      const now = await side.read(made.id);
      expect([now?.note, now?.color]).toEqual(['A, while B was off', 'green']);
    }
  });

  it('names the database of a state an earlier build left unnamed, so turning off and on again keeps it', async () => {
    const { a, database } = await twoDevicesWith('黄河远上白云间');
    // As an earlier build saved it: no owner. Then the worker starts with this build.
    const { owner, ...unnamed } = await a.state.progress();
    expect(owner).toBeDefined();
    await a.state.saveProgress(unnamed);
    const upgraded = new SyncService({ store: a.store, state: a.state, connection: a.connection, now: a.now });
    await upgraded.syncNow();
    expect((await a.state.progress()).owner).toEqual(owner);
    await upgraded.turnOff();
    await upgraded.turnOn(request(database, false));
    expect((await a.state.progress()).owner).toEqual(owner);
  });

  it('starts afresh on another database, sending it everything', async () => {
    const a = device();
    const made = annotation('长河落日圆');
    await a.store.write('annotation', made.id, made);
    await a.service.turnOn(request(freshName()));
    await a.service.turnOff();

    const b = device();
    const other = freshName();
    await a.service.turnOn(request(other));
    await b.service.turnOn(request(other, false));
    expect(await b.read(made.id)).toMatchObject({ id: made.id, target: made.target });
  });
});

describe('turning on while a round runs', () => {
  it('keeps the database turned on last: the round before it does not save its own connection back', async () => {
    const first = freshName();
    const second = freshName();
    // The round on the first database is slow to write: turning on the second finishes first.
    const a = device(async (input, init) => {
      if (String(input).includes(`/${first}/_bulk_docs`)) await new Promise((done) => setTimeout(done, 1_500));
      return fetch(input, init);
    });
    await a.service.turnOn(request(first));
    for (let i = 0; i < 30; i++) {
      const made = annotation(`第${i}句`);
      await a.store.write('annotation', made.id, made);
    }
    const round = a.service.syncNow();
    const on = await a.service.turnOn(request(second));
    await round;
    expect(on.server?.database).toBe(second);
    expect((await a.connection.read())?.config.database).toBe(second);
    expect((await a.service.status()).server?.database).toBe(second);
  });
});

describe('the purge with sync on', () => {
  it('waits for a round that worked, so an annotation edited elsewhere after its delete is kept', async () => {
    const { a, b, made } = await twoDevicesWith('白日依山尽');

    // A deletes it; B, not yet told, edits its note five days later.
    a.advance(1_000);
    await a.store.write('annotation', made.id, { ...made, deletedAt: a.now(), updatedAt: a.now() });
    await a.service.syncNow();
    b.advance(5 * DAY);
    await b.store.write('annotation', made.id, { ...made, note: 'B, after the delete', updatedAt: b.now() });
    await b.service.syncNow();

    // A starts again 31 days after its delete: the purge asks first whether A is up to date.
    a.advance(31 * DAY);
    expect(await a.service.upToDate()).toBe(true);
    const onA = await a.read(made.id);
    expect(onA).toMatchObject({ note: 'B, after the delete', deletedAt: null });
  });

  it('says not up to date while the server cannot be reached, and up to date while sync is off', async () => {
    const a = device();
    expect(await a.service.upToDate()).toBe(true);
    await a.service.turnOn(request(freshName()));
    const original = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new TypeError('fetch failed'));
    try {
      expect(await a.service.upToDate()).toBe(false);
    } finally {
      globalThis.fetch = original;
    }
    expect(await a.service.upToDate()).toBe(true);
  });
});
