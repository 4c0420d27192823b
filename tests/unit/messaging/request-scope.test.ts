// The background scopes every content-script request to the article of the sender's tab (from the tab's address,
// not from the message): a page whose scripts drive its content script cannot read or change another article's notes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { BackgroundRouter, SenderInfo } from '../../../lib/background/messaging/background-router';
import type { Annotation } from '../../../lib/core/model/annotation';
import type { AnnotationDb } from '../../../storage/db';
import { CONTENT_TAB, contentScriptSender, createTestRouter, typedCall } from './router-harness';
import { ARTICLE_ID, OTHER_ARTICLE_ID, articleMeta, newAnnotation } from './fixtures';

let db: AnnotationDb;
let route: BackgroundRouter;

beforeEach(() => {
  fakeBrowser.reset();
  ({ db, route } = createTestRouter());
});

afterEach(async () => {
  await db.delete();
});

const call = typedCall(() => route, contentScriptSender);

/** Our content script in a tab showing `articleId` (desktop address). */
const onArticle = (articleId: string, tabId = CONTENT_TAB): SenderInfo => {
  const url = `https://www.163.com/dy/article/${articleId}.html`;
  return { ...contentScriptSender(), url, tab: { id: tabId, url } };
};
const library = (): SenderInfo => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/library.html') });
const editorFrame = (): SenderInfo => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/annotation-editor.html'),
  tab: { id: CONTENT_TAB, url: `https://www.163.com/dy/article/${ARTICLE_ID}.html` },
});

/** An annotation on the other article, made by a tab that shows it. */
async function otherArticlesAnnotation(): Promise<Annotation> {
  const article = articleMeta({ id: OTHER_ARTICLE_ID, url: `https://www.163.com/dy/article/${OTHER_ARTICLE_ID}.html` });
  const made = await call(
    'annotations/create',
    { article, annotation: newAnnotation(1, 5, { note: '私人筆記' }) },
    onArticle(OTHER_ARTICLE_ID, 9),
  );
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

const refusedForOtherArticle = {
  ok: false,
  error: { code: 'forbidden-sender', message: expect.stringMatching(/its own article/) },
};
const notFound = { ok: false, error: { code: 'not-found', message: expect.any(String) } };

describe('a content script asking about another article', () => {
  it('cannot list or read it', async () => {
    await otherArticlesAnnotation();
    expect(await call('annotations/list', { articleId: OTHER_ARTICLE_ID })).toEqual(refusedForOtherArticle);
    expect(await call('articles/get', { articleId: OTHER_ARTICLE_ID })).toEqual(refusedForOtherArticle);
  });

  it('cannot create on it, nor give its own article another address', async () => {
    const other = articleMeta({ id: OTHER_ARTICLE_ID, url: `https://www.163.com/dy/article/${OTHER_ARTICLE_ID}.html` });
    expect(await call('annotations/create', { article: other, annotation: newAnnotation() })).toEqual(refusedForOtherArticle);
    for (const url of [
      `https://www.163.com/dy/article/${OTHER_ARTICLE_ID}.html`,
      'https://www.163.com/dy/media/T1234567890123.html',
      `https://m.163.com/dy/article/${ARTICLE_ID}.html`,
    ]) {
      const answer = await call('annotations/create', { article: articleMeta({ url }), annotation: newAnnotation() });
      expect(answer).toEqual({
        ok: false,
        error: { code: 'forbidden-sender', message: expect.stringMatching(/own NetEase address/) },
      });
    }
  });

  it('cannot update, delete, restore or re-attach its annotations: they answer as if they did not exist', async () => {
    const theirs = await otherArticlesAnnotation();
    expect(await call('annotations/update', { id: theirs.id, patch: { note: 'overwritten' } })).toEqual(notFound);
    expect(await call('annotations/delete', { id: theirs.id })).toEqual(notFound);
    expect(await call('annotations/restore', { id: theirs.id })).toEqual(notFound);
    expect(await call('annotations/reattach', { id: theirs.id, target: newAnnotation(2, 6).target })).toEqual(notFound);
    // The other article's tab still has it, untouched.
    const kept = await call('annotations/list', { articleId: OTHER_ARTICLE_ID }, onArticle(OTHER_ARTICLE_ID, 9));
    expect(kept).toEqual({ ok: true, value: [expect.objectContaining({ id: theirs.id, note: '私人筆記', deletedAt: null })] });
  });

  it('is judged by the address of its tab, not by the page it says it is on', async () => {
    const theirs = await otherArticlesAnnotation();
    // The frame claims the other article's address, but the tab shows this one.
    const lying = { ...onArticle(ARTICLE_ID), url: `https://www.163.com/dy/article/${OTHER_ARTICLE_ID}.html` };
    expect(await call('annotations/list', { articleId: OTHER_ARTICLE_ID }, lying)).toEqual(refusedForOtherArticle);
    expect(await call('annotations/delete', { id: theirs.id }, lying)).toEqual(notFound);
  });

  it('may not read one annotation by id or every tag of the library: only extension pages may', async () => {
    const theirs = await otherArticlesAnnotation();
    const pagesOnly = { ok: false, error: { code: 'forbidden-sender', message: expect.stringMatching(/own pages/) } };
    expect(await call('annotations/get', { id: theirs.id })).toEqual(pagesOnly);
    expect(await call('tags/list', {})).toEqual(pagesOnly);
    expect(await call('annotations/get', { id: theirs.id }, editorFrame())).toEqual({ ok: true, value: theirs });
  });
});

describe('extension pages', () => {
  it('work on every article (the library, the note editor frame)', async () => {
    const theirs = await otherArticlesAnnotation();
    expect(await call('annotations/list', { articleId: OTHER_ARTICLE_ID }, library())).toMatchObject({ ok: true });
    expect(await call('annotations/update', { id: theirs.id, patch: { note: 'edited' } }, editorFrame())).toMatchObject({
      ok: true,
      value: { note: 'edited' },
    });
  });
});

describe('a page load that rewrites its address (history.replaceState)', () => {
  const load = (url: string): SenderInfo => ({ ...contentScriptSender(), url, tab: { id: 6, url }, documentId: 'doc-9' });
  const ownUrl = `https://www.163.com/dy/article/${ARTICLE_ID}.html`;
  const otherUrl = `https://www.163.com/dy/article/${OTHER_ARTICLE_ID}.html`;

  it('keeps the article its address named when the content script started, and no other', async () => {
    expect(await call('annotator/started', {}, load(ownUrl))).toEqual({ ok: true, value: null });
    // Later the page's script rewrites the address to the other article's.
    expect(await call('annotations/list', { articleId: ARTICLE_ID }, load(otherUrl))).toEqual({ ok: true, value: [] });
    expect(await call('annotations/list', { articleId: OTHER_ARTICLE_ID }, load(otherUrl))).toEqual(refusedForOtherArticle);
  });
});

describe('a NetEase page whose address names no article', () => {
  const idless = (tabId: number, documentId: string): SenderInfo => {
    const url = 'https://news.163.com/special/reviews/index.html';
    return { ...contentScriptSender(), url, tab: { id: tabId, url }, documentId };
  };

  it('keeps the first article its content script names for that page load, and no other', async () => {
    expect(await call('annotations/list', { articleId: ARTICLE_ID }, idless(4, 'doc-1'))).toEqual({ ok: true, value: [] });
    expect(await call('annotations/list', { articleId: OTHER_ARTICLE_ID }, idless(4, 'doc-1'))).toEqual(refusedForOtherArticle);
    // A new page load in the same tab starts afresh.
    expect(await call('annotations/list', { articleId: OTHER_ARTICLE_ID }, idless(4, 'doc-2'))).toEqual({ ok: true, value: [] });
  });

  it('may not touch an annotation of an article it has not named', async () => {
    const theirs = await otherArticlesAnnotation();
    expect(await call('annotations/delete', { id: theirs.id }, idless(5, 'doc-3'))).toEqual(notFound);
  });
});
