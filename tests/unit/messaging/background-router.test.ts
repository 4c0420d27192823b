import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { BackgroundRouter, SenderInfo } from '../../../lib/background/messaging/background-router';
import type { Annotation } from '../../../lib/core/model/annotation';
import type { AnnotationRepo } from '../../../storage/annotation-repo';
import type { AnnotationDb } from '../../../storage/db';
import { CONTENT_TAB, contentScriptSender, createTestRouter, typedCall } from './router-harness';
import { ARTICLE_ID, articleMeta, newAnnotation } from './fixtures';

const contentScript = contentScriptSender;
const popup = (): SenderInfo => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

let db: AnnotationDb;
let repo: AnnotationRepo;
let notifyChanged: ReturnType<typeof createTestRouter>['notifyChanged'];
let route: BackgroundRouter;

beforeEach(() => {
  fakeBrowser.reset();
  ({ db, repo, notifyChanged, route } = createTestRouter());
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** Sends a typed request through the router, from the content script unless told otherwise. */
const call = typedCall(() => route, contentScript);

/** Creates an annotation through the router and returns it. */
async function createOne(note = ''): Promise<Annotation> {
  const result = await call('annotations/create', { article: articleMeta(), annotation: newAnnotation(10, 20, { note }) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('sender checks', () => {
  const listRequest = { type: 'annotations/list', payload: { articleId: ARTICLE_ID } };

  it.each<[string, () => SenderInfo | undefined]>([
    ['another extension', () => ({ ...contentScript(), id: 'other-extension-id' })],
    ['a sender without an id', () => ({ url: contentScript().url, tab: { id: 1 } })],
    ['a tab on a non-163 page', () => ({ ...contentScript(), url: 'https://example.com/article.html' })],
    ['a tab on a look-alike host', () => ({ ...contentScript(), url: 'https://163.com.evil.example/a.html' })],
    ['a 163.com URL without a tab', () => ({ id: fakeBrowser.runtime.id, url: contentScript().url })],
    [
      'a page of another extension origin',
      () => ({ id: fakeBrowser.runtime.id, url: 'chrome-extension://other-extension-id/popup.html' }),
    ],
    ['a sender without a URL', () => ({ id: fakeBrowser.runtime.id, tab: { id: 1 } })],
    ['no sender at all', () => undefined],
  ])('refuses %s', async (_name, sender) => {
    const list = vi.spyOn(repo, 'listForArticle');
    const result = await route(listRequest, sender() as SenderInfo);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.stringMatching(/refused/) } });
    expect(list).not.toHaveBeenCalled();
  });

  it.each<[string, () => SenderInfo]>([
    ['our content script on www.163.com', contentScript],
    ['our content script on m.163.com', () => ({ ...contentScript(), url: `https://m.163.com/news/article/${ARTICLE_ID}.html` })],
    ['our popup', popup],
    ['our popup opened in a tab', () => ({ ...popup(), tab: { id: 3 } })],
  ])('accepts %s', async (_name, sender) => {
    expect(await route(listRequest, sender())).toEqual({ ok: true, value: [] });
  });
});

describe('envelope and payload checks', () => {
  it.each<[string, unknown]>([
    ['an unknown type', { type: 'annotations/wipe', payload: {} }],
    ['a page request sent to the background', { type: 'page/state', payload: {} }],
    ['an inherited property name as type', { type: 'toString', payload: {} }],
    ['a missing payload', { type: 'annotations/list' }],
    ['an extra envelope field', { type: 'annotations/list', payload: { articleId: ARTICLE_ID }, extra: 1 }],
    ['a string', 'annotations/list'],
    ['null', null],
  ])('refuses %s as invalid-request', async (_name, message) => {
    const result = await route(message, contentScript());
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/not a request/) } });
  });

  it('refuses an invalid payload, naming the field', async () => {
    const result = await call('annotations/list', { articleId: 'nope' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'This request was refused: articleId must be a 16-character NetEase article ID.',
      },
    });
  });

  it('refuses a __proto__ key without polluting prototypes, and stores nothing', async () => {
    const payload: unknown = JSON.parse(
      JSON.stringify({ article: articleMeta(), annotation: newAnnotation() }).replace(
        '"note":""',
        '"note":"","__proto__":{"polluted":1}',
      ),
    );
    const result = await route({ type: 'annotations/create', payload }, contentScript());
    expect(!result.ok && result.error.message).toContain('annotation.__proto__ is not an allowed field');
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(await db.annotations.count()).toBe(0);
  });

  it('refuses a 1 MB note and stores nothing', async () => {
    const result = await call('annotations/create', {
      article: articleMeta(),
      annotation: newAnnotation(10, 20, { note: 'x'.repeat(1 << 20) }),
    });
    expect(!result.ok && result.error.code).toBe('invalid-request');
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('requests', () => {
  it('creates, lists and gets the article', async () => {
    const created = await createOne();
    expect(await call('annotations/list', { articleId: ARTICLE_ID })).toEqual({ ok: true, value: [created] });
    const article = await call('articles/get', { articleId: ARTICLE_ID });
    expect(article.ok && article.value).toMatchObject(articleMeta());
  });

  it('stores a note with script tags verbatim', async () => {
    const note = '<script>alert(document.cookie)</script>';
    await createOne(note);
    const list = await call('annotations/list', { articleId: ARTICLE_ID });
    expect(list.ok && list.value[0].note).toBe(note);
  });

  it('updates, deletes and restores', async () => {
    const created = await createOne();
    const updated = await call('annotations/update', { id: created.id, patch: { note: 'n', tags: [' t '] } }, popup());
    expect(updated.ok && updated.value).toMatchObject({ id: created.id, note: 'n', tags: ['t'] });
    const deleted = await call('annotations/delete', { id: created.id }, popup());
    expect(deleted.ok && deleted.value.deletedAt).toEqual(expect.any(Number));
    expect(await call('annotations/list', { articleId: ARTICLE_ID })).toEqual({ ok: true, value: [] });
    const restored = await call('annotations/restore', { id: created.id }, popup());
    expect(restored.ok && restored.value.deletedAt).toBeNull();
  });

  it('answers not-found for an unknown id', async () => {
    const result = await call('annotations/delete', { id: crypto.randomUUID() });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/no longer exists/) } });
  });

  it('answers storage-quota when the disk is full', async () => {
    vi.spyOn(db.annotations, 'add').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const result = await call('annotations/create', { article: articleMeta(), annotation: newAnnotation() });
    expect(result).toEqual({
      ok: false,
      error: { code: 'storage-quota', message: expect.stringMatching(/^Your browser is out of space/) },
    });
  });

  it('answers storage-unavailable when the database is closed', async () => {
    db.close();
    const result = await call('annotations/list', { articleId: ARTICLE_ID });
    expect(!result.ok && result.error.code).toBe('storage-unavailable');
  });

  it('answers internal with a safe message for unexpected errors, and logs them', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(repo, 'listForArticle').mockRejectedValue(new TypeError('secret detail at db.ts:12'));
    const result = await call('annotations/list', { articleId: ARTICLE_ID });
    expect(!result.ok && result.error.code).toBe('internal');
    expect(!result.ok && result.error.message).not.toContain('secret');
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: 'secret detail at db.ts:12' }));
  });
});

describe('change notifications', () => {
  it('tells other tabs after each write, except the tab that wrote', async () => {
    const created = await createOne();
    expect(notifyChanged).toHaveBeenLastCalledWith(ARTICLE_ID, CONTENT_TAB);
    await call('annotations/update', { id: created.id, patch: { color: 'pink' } });
    await call('annotations/delete', { id: created.id }, popup());
    await call('annotations/restore', { id: created.id }, popup());
    expect(notifyChanged.mock.calls).toEqual([
      [ARTICLE_ID, CONTENT_TAB],
      [ARTICLE_ID, CONTENT_TAB],
      [ARTICLE_ID, undefined],
      [ARTICLE_ID, undefined],
    ]);
  });

  it('stays quiet for reads, invalid requests and failed writes', async () => {
    await call('annotations/list', { articleId: ARTICLE_ID });
    await call('articles/get', { articleId: ARTICLE_ID });
    await call('annotations/update', { id: crypto.randomUUID(), patch: { note: 'x' } });
    await call('annotations/delete', { id: 'not-a-uuid' });
    await route({ type: 'annotations/restore', payload: { id: crypto.randomUUID() } }, { id: 'other-extension' });
    expect(notifyChanged).not.toHaveBeenCalled();
  });

  it('still answers the write when notifying fails', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    notifyChanged.mockRejectedValue(new Error('tabs gone'));
    const created = await createOne();
    expect(created.articleId).toBe(ARTICLE_ID);
    await vi.waitFor(() => expect(log).toHaveBeenCalled());
  });
});
