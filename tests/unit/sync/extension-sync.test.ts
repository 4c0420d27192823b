// @vitest-environment node
/**
 * Sync as the background wires it (fake browser APIs, fake-indexeddb, a real pouchdb-server): the alarm exists only
 * while sync is on, and a round runs when it rings, so changes made elsewhere arrive while the worker would sleep.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startExtensionSync, SYNC_ALARM } from '../../../lib/background/sync/extension-sync';
import { MemorySyncStore } from '../../../lib/background/sync/sync-store';
import { SyncDb } from '../../../storage/sync-db';
import { device, freshDatabase, unlock, useTargets } from './couch-harness';
import { annotation } from './records';

const PASSPHRASE = 'alarm passphrase';
const [target] = useTargets();

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no ports (the live feed's port is tested in the browser suites).
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await new SyncDb().delete();
});

describe('sync in the background', () => {
  it('keeps the alarm only while sync is on, and syncs when it rings', async () => {
    const store = new MemorySyncStore();
    const sync = startExtensionSync(store);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).toEqual([]));

    const config = await freshDatabase(target!);
    const status = await sync.turnOn({ ...config, passphrase: PASSPHRASE, createDatabase: false });
    expect(status.state).toBe('synced');
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 5 }));

    // Another device writes; the alarm rings and the round brings it here.
    const other = device('other', config, await unlock(config, PASSPHRASE));
    const made = annotation('海内存知己');
    await other.store.write('annotation', made.id, made);
    await other.engine.round();
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(SYNC_ALARM))!);
    await vi.waitFor(async () => expect(await store.read('annotation', made.id)).toMatchObject({ id: made.id }), {
      timeout: 10_000,
    });

    await sync.turnOff();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined());
  });
});
