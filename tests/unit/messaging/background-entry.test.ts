import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../../entrypoints/background';
import type { Annotation } from '../../../lib/core/model/annotation';
import { createAnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { createMeta } from '../../../lib/core/sync/meta';
import { SyncDb, syncConnectionIn } from '../../../storage/sync-db';
import { ARTICLE_ID, articleMeta, newAnnotation } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;
let db: AnnotationDb;

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no ports; the editor relay registered at start-up is tested on its own (editor-relay.test.ts).
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {});
  db = openAnnotationDb();
});

afterEach(async () => {
  vi.restoreAllMocks();
  // Cleared, not deleted: the background started by the test keeps its own connection open.
  await db.annotations.clear();
  await db.articles.clear();
  db.close();
});

it('purges annotations deleted over 30 days ago at start-up, keeping newer ones', async () => {
  const repo = createAnnotationRepo(db, () => Date.now() - 31 * DAY);
  const old = await repo.softDelete((await repo.create(articleMeta(), newAnnotation())).id);
  const recentRepo = createAnnotationRepo(db, () => Date.now() - 29 * DAY);
  const recent = await recentRepo.softDelete((await recentRepo.create(articleMeta(), newAnnotation())).id);

  background.main();

  await vi.waitFor(async () => expect(await db.annotations.get(old.id)).toBeUndefined());
  expect(await db.annotations.get(recent.id)).toBeDefined();
});

it('leaves the purge for later while sync is on and its server cannot be reached', async () => {
  const repo = createAnnotationRepo(db, () => Date.now() - 31 * DAY);
  const old = await repo.softDelete((await repo.create(articleMeta(), newAnnotation())).id);
  const syncDb = new SyncDb();
  await syncConnectionIn(syncDb).write({
    config: { url: 'http://127.0.0.1:9', database: 'notes', username: 'reader', password: 'secret' },
    keys: (await createMeta('a passphrase')).keys,
    device: 'this-device',
    lastSyncedAt: null,
  });
  const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
  try {
    background.main();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    // The start-up round fails; give the purge every chance to run after it.
    await new Promise((done) => setTimeout(done, 200));
    expect(await db.annotations.get(old.id)).toBeDefined();
  } finally {
    await syncConnectionIn(syncDb).write(null);
    syncDb.close();
  }
});

it('answers messages through the router and notifies the other tabs after a write', async () => {
  const reader = await fakeBrowser.tabs.create({ url: `https://www.163.com/dy/article/${ARTICLE_ID}.html` });
  const otherReader = await fakeBrowser.tabs.create({ url: `https://m.163.com/dy/article/${ARTICLE_ID}.html` });
  const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: undefined });
  background.main();

  const sender = { id: fakeBrowser.runtime.id, url: reader.url!, tab: { ...reader, id: reader.id! } };
  const [answer] = await fakeBrowser.runtime.onMessage.trigger(
    { type: 'annotations/create', payload: { article: articleMeta(), annotation: newAnnotation() } },
    sender,
  );
  expect(answer).toMatchObject({ ok: true, value: { articleId: ARTICLE_ID } });
  expect(await db.annotations.get((answer as unknown as { value: Annotation }).value.id)).toBeDefined();

  const changed = { type: 'page/annotations-changed', payload: {} };
  await vi.waitFor(() => expect(send).toHaveBeenCalledWith(otherReader.id, changed, { frameId: 0 }));
  expect(send).not.toHaveBeenCalledWith(reader.id, expect.anything(), expect.anything());
});
