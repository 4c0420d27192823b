/**
 * Bundled on its own and run inside the built extension's MV3 service worker by `sync-worker.test.ts`: two devices
 * (memory stores) sync through a real server with the engine as the background runs it, proving it needs nothing a
 * service worker lacks (no window, no XMLHttpRequest, no DOM).
 */
import { CouchClient, type CouchConfig } from '../../../lib/background/sync/couch-client';
import { SyncEngine } from '../../../lib/background/sync/sync-engine';
import { MemorySyncState } from '../../../lib/background/sync/sync-state';
import { MemorySyncStore } from '../../../lib/background/sync/sync-store';
import { unlockDatabase } from '../../../lib/background/sync/unlock';

/** What the worker reports back. */
export interface WorkerSyncResult {
  hasWindow: boolean;
  hasXhr: boolean;
  pushed: number;
  applied: number;
  onB: unknown;
  wrongPassphrase: string | null;
}

async function run(config: CouchConfig, record: { id: string } & Record<string, unknown>): Promise<WorkerSyncResult> {
  const { keys } = await unlockDatabase(new CouchClient(config), 'worker passphrase');
  const device = (name: string) => {
    const store = new MemorySyncStore();
    const engine = new SyncEngine({ store, state: new MemorySyncState(), client: new CouchClient(config), keys, device: name });
    return { store, engine };
  };
  const a = device('A');
  const b = device('B');
  await a.store.write('annotation', record.id, record);
  const pushed = (await a.engine.round()).pushed;
  const applied = (await b.engine.round()).applied;
  let wrongPassphrase: string | null = null;
  try {
    await unlockDatabase(new CouchClient(config), 'not it');
  } catch (err) {
    wrongPassphrase = (err as { code?: string }).code ?? String(err);
  }
  return {
    hasWindow: typeof (globalThis as { window?: unknown }).window !== 'undefined',
    hasXhr: typeof (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest !== 'undefined',
    pushed,
    applied,
    onB: await b.store.read('annotation', record.id),
    wrongPassphrase,
  };
}

(globalThis as { neaSyncWorkerTest?: typeof run }).neaSyncWorkerTest = run;
