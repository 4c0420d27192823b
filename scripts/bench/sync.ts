/**
 * Sync benchmark against a pouchdb-server started here (in memory, on loopback): the first sync of 10,000 annotations
 * on 500 articles to an empty second device, one edited note from A seen by B through the live feed (median of
 * several), the bytes A sends for that edit, and the cost of sealing and opening 1,000 documents.
 */
import { startCouchServer } from '../couch-server';
import { CouchClient, type CouchConfig } from '../../lib/background/sync/couch-client';
import { openDoc, sealDoc } from '../../lib/background/sync/sealed-doc';
import { SyncEngine } from '../../lib/background/sync/sync-engine';
import { SyncService } from '../../lib/background/sync/sync-service';
import { MemorySyncState } from '../../lib/background/sync/sync-state';
import { MemorySyncStore } from '../../lib/background/sync/sync-store';
import { unlockDatabase } from '../../lib/background/sync/unlock';
import type { SyncConnection } from '../../storage/sync-db';
import { HybridClock } from '../../lib/core/sync/hlc';
import { fieldsOf } from '../../lib/core/sync/record-codec';
import { emptyDoc, stampLocal } from '../../lib/core/sync/sync-doc';
import type { Annotation, ArticleRecord } from '../../lib/core/model/annotation';
import { median } from './timing';

const ANNOTATIONS = 10_000;
const ARTICLES = 500;
const LIVE_EDITS = 7;
const SEAL_DOCS = 1_000;
const T0 = Date.UTC(2026, 0, 1);

/** One benchmark figure. */
export type SyncBenchRecord = { bench: 'sync'; figure: string } & Record<string, number | string>;

const articleId = (n: number): string => `SYNC${String(n).padStart(12, '0')}`;

function libraryOf(count: number): { annotations: Annotation[]; articles: ArticleRecord[] } {
  const articles = Array.from({ length: ARTICLES }, (_, n): ArticleRecord => ({
    id: articleId(n),
    title: `第${n}篇文章的标题`,
    source: '网易号',
    publishedAt: '2026-01-18T10:00:00+08:00',
    url: `https://www.163.com/dy/article/${articleId(n)}.html`,
    updatedAt: T0,
  }));
  const annotations = Array.from({ length: count }, (_, i): Annotation => {
    const exact = `这是第${i}条划线的句子，用来测量同步的速度。`;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      articleId: articleId(i % ARTICLES),
      color: 'yellow',
      note: i % 3 === 0 ? `笔记 ${i}` : '',
      tags: i % 5 === 0 ? ['重要'] : [],
      target: {
        version: 1,
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: '前文', suffix: '后文' },
          { type: 'TextPositionSelector', start: i, end: i + exact.length },
        ],
      },
      createdAt: T0 + i,
      updatedAt: T0 + i,
      deletedAt: null,
    };
  });
  return { annotations, articles };
}

/** A `fetch` that counts the bytes of what it sends (address, method and body). */
function countingFetch() {
  const counter = { bytes: 0 };
  const fetchFn: typeof fetch = (input, init) => {
    counter.bytes +=
      String(input).length + (init?.method ?? 'GET').length + (typeof init?.body === 'string' ? Buffer.byteLength(init.body) : 0);
    return fetch(input, init);
  };
  return { counter, fetchFn };
}

/** Runs the sync benchmark; one record per figure. */
export async function benchSync(): Promise<SyncBenchRecord[]> {
  const server = await startCouchServer();
  const out: SyncBenchRecord[] = [];
  try {
    const database = 'bench-sync';
    await server.createDatabase(database);
    const config: CouchConfig = { url: server.url, database, ...server.admin };
    const { keys } = await unlockDatabase(new CouchClient(config), 'bench passphrase');
    const device = (name: string, fetchFn?: typeof fetch) => {
      const store = new MemorySyncStore();
      const state = new MemorySyncState();
      const engine = new SyncEngine({ store, state, client: new CouchClient(config, fetchFn), keys, device: name });
      return { store, state, engine };
    };

    // Sealing and opening.
    const { annotations, articles } = libraryOf(ANNOTATIONS);
    const clock = new HybridClock('bench');
    const docs = annotations
      .slice(0, SEAL_DOCS)
      .map((a) => stampLocal(emptyDoc('annotation', a.id), null, fieldsOf('annotation', a), clock, T0));
    let t = performance.now();
    const sealed = await Promise.all(docs.map((doc) => sealDoc(keys, doc, null)));
    const sealMs = performance.now() - t;
    t = performance.now();
    await Promise.all(sealed.map((doc) => openDoc(keys, doc)));
    out.push({
      bench: 'sync',
      figure: 'encryption',
      documents: SEAL_DOCS,
      seal_ms: Number(sealMs.toFixed(1)),
      open_ms: Number((performance.now() - t).toFixed(1)),
    });

    // First sync to an empty second device.
    const a = device('A');
    for (const article of articles) await a.store.write('article', article.id, article);
    for (const annotation of annotations) await a.store.write('annotation', annotation.id, annotation);
    t = performance.now();
    await a.engine.round();
    const pushMs = performance.now() - t;
    const b = device('B');
    t = performance.now();
    const report = await b.engine.round();
    out.push({
      bench: 'sync',
      figure: 'first-sync',
      annotations: ANNOTATIONS,
      articles: ARTICLES,
      push_ms: Math.round(pushMs),
      first_sync_ms: Math.round(performance.now() - t),
      applied: report.applied,
    });

    // One edited note: bytes A sends, and how soon B sees it through the live feed.
    const { counter, fetchFn } = countingFetch();
    const sender = new SyncEngine({
      store: a.store,
      state: a.state,
      client: new CouchClient(config, fetchFn),
      keys,
      device: 'A',
    });
    let connection: SyncConnection | null = { config, keys, device: 'B', lastSyncedAt: null };
    const receiver = new SyncService({
      store: b.store,
      state: b.state,
      connection: { read: async () => connection, write: async (next) => void (connection = next) },
    });
    const live = new AbortController();
    void receiver.live(live.signal);
    const delays: number[] = [];
    const bytes: number[] = [];
    for (let i = 0; i < LIVE_EDITS; i++) {
      const target = annotations[i]!;
      const note = `改过的笔记 ${i}`;
      await a.store.write('annotation', target.id, { ...target, note, updatedAt: T0 + ANNOTATIONS + i });
      const seen = new Promise<void>((done) => {
        const stop = b.store.subscribe(
          () =>
            void b.store.read('annotation', target.id).then((now) => {
              if ((now as Annotation | null)?.note === note) {
                stop();
                done();
              }
            }),
        );
      });
      counter.bytes = 0;
      t = performance.now();
      await sender.round();
      bytes.push(counter.bytes);
      await seen;
      delays.push(performance.now() - t);
    }
    live.abort();
    out.push({
      bench: 'sync',
      figure: 'live-edit',
      edits: LIVE_EDITS,
      median_ms: Math.round(median(delays)),
      bytes_sent_median: median(bytes),
    });
  } finally {
    await server.stop();
  }
  return out;
}
