/**
 * The first sync as a reader's second computer meets it, in the extension's real MV3 service worker: a server that
 * already holds 10,000 annotations on 500 articles (quotes from the seed article, written there by a first device in
 * Node with the same engine), a new Chromium profile, sync turned on from the options page by its labels. Reports
 * how long Turn on sync took until the status said synced (key derivation, the whole pull, every record written into
 * the extension's database) and the worker's memory: before (after a collection), its peak while syncing (sampled
 * every 100 ms through the DevTools protocol, garbage included) and after (after a collection).
 */
import { startCouchServer } from '../couch-server';
import { launchWithExtension } from '../launch-browser';
import { allowSite } from '../allow-site';
import { syncStatusText, turnOnSync } from '../sync-options';
import { CouchClient, type CouchConfig } from '../../lib/background/sync/couch-client';
import { SyncEngine } from '../../lib/background/sync/sync-engine';
import { MemorySyncState } from '../../lib/background/sync/sync-state';
import { MemorySyncStore } from '../../lib/background/sync/sync-store';
import { unlockDatabase } from '../../lib/background/sync/unlock';
import { libraryRecords } from './library-seed';
import { connectServiceWorker, type WorkerHeap } from './service-worker-heap';

const ARTICLES = 500;
const PER_ARTICLE = 20;
const SAMPLE_MS = 100;
const PASSPHRASE = 'bench passphrase';
const MB = 1024 * 1024;

/** The figure, printed as a JSON line. */
export interface SyncWorkerRecord {
  bench: 'sync';
  figure: 'worker-first-sync';
  annotations: number;
  articles: number;
  first_sync_ms: number;
  stored: number;
  heap_before_mb: number;
  heap_peak_mb: number;
  heap_after_mb: number;
}

const mb = ({ heap, buffers }: WorkerHeap): number => Number(((heap + buffers) / MB).toFixed(1));

/** Runs the benchmark; one record. */
export async function benchSyncInWorker(): Promise<SyncWorkerRecord[]> {
  const server = await startCouchServer();
  const { context, extensionId, worker } = await launchWithExtension({ port: 9 });
  try {
    const database = 'bench-worker';
    await server.createDatabase(database);
    const config: CouchConfig = { url: server.url, database, ...server.admin };
    const { annotations, articles } = libraryRecords(ARTICLES, PER_ARTICLE);
    const first = new MemorySyncStore();
    for (const article of articles) await first.write('article', article.id, article);
    for (const annotation of annotations) await first.write('annotation', annotation.id, annotation);
    const { keys } = await unlockDatabase(new CouchClient(config), PASSPHRASE);
    await new SyncEngine({
      store: first,
      state: new MemorySyncState(),
      client: new CouchClient(config),
      keys,
      device: 'first',
    }).round();

    await allowSite(context, extensionId, 'http://127.0.0.1/*');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const background = await connectServiceWorker(context);
    const before = await background.heap();
    let peak = before;
    let syncing = true;
    const sampling = (async () => {
      while (syncing) {
        const now = await background.sample();
        if (now.heap + now.buffers > peak.heap + peak.buffers) peak = now;
        await new Promise((done) => setTimeout(done, SAMPLE_MS));
      }
    })();
    const t = performance.now();
    await turnOnSync(options, { url: server.url, database, ...server.admin, passphrase: PASSPHRASE });
    while (!(await syncStatusText(options)).startsWith('Synced at ')) {
      if (performance.now() - t > 300_000) throw new Error(`first sync did not finish: ${await syncStatusText(options)}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    const firstSyncMs = performance.now() - t;
    syncing = false;
    await sampling;
    const after = await background.heap();
    const stored = await worker.evaluate(
      () =>
        new Promise<number>((done, fail) => {
          const open = indexedDB.open('netease-annotator');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('annotations').objectStore('annotations').count();
            count.onsuccess = () => done(count.result);
            count.onerror = () => fail(count.error);
          };
        }),
    );
    await background.close();
    return [
      {
        bench: 'sync',
        figure: 'worker-first-sync',
        annotations: annotations.length,
        articles: articles.length,
        first_sync_ms: Math.round(firstSyncMs),
        stored,
        heap_before_mb: mb(before),
        heap_peak_mb: mb(peak),
        heap_after_mb: mb(after),
      },
    ];
  } finally {
    await context.close();
    await server.stop();
  }
}
