/**
 * The sync engine inside the built extension's real MV3 service worker (Chromium): bundled on its own, evaluated in
 * the worker, two devices sync an annotation through a pouchdb-server started here, and a wrong passphrase is refused.
 * The worker has no window and no XMLHttpRequest: the engine uses fetch and WebCrypto only.
 */
import { build } from 'esbuild';
import type { BrowserContext, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/launch-browser';
import { startCouchServer, type CouchServer } from '../../scripts/couch-server';
import type { WorkerSyncResult } from './sync-worker/entry';
import { annotation } from '../unit/sync/records';

let server: CouchServer;
let context: BrowserContext;
let worker: Worker;

beforeAll(async () => {
  server = await startCouchServer();
  ({ context, worker } = await launchWithExtension({ port: 9 }));
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

describe('sync in the MV3 service worker', () => {
  it('syncs two devices through a real server with fetch and WebCrypto only', async () => {
    const bundle = await build({
      entryPoints: [new URL('./sync-worker/entry.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      write: false,
    });
    await worker.evaluate(bundle.outputFiles[0]!.text);
    const database = `worker-${Date.now().toString(36)}`;
    await server.createDatabase(database);
    const config = { url: server.url, database, ...server.admin };
    const record = annotation('会当凌绝顶，一览众山小', { note: 'from the worker' });
    const result = await worker.evaluate(
      ([config, record]) =>
        (globalThis as unknown as { neaSyncWorkerTest: (c: unknown, r: unknown) => Promise<WorkerSyncResult> }).neaSyncWorkerTest(
          config,
          record,
        ),
      [config, record] as const,
    );
    expect(result).toMatchObject({ hasWindow: false, hasXhr: false, pushed: 1, applied: 1, wrongPassphrase: 'wrong-passphrase' });
    expect(result.onB).toMatchObject({ id: record.id, note: 'from the worker', target: record.target });
  });
});
