/**
 * The background's messages for the annotation library: bulk delete and restore, re-attach, export, import and tags,
 * validated like every other request, refused to content scripts where only our pages have a reason to ask.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { BackgroundRouter, SenderInfo } from '../../../lib/background/messaging/background-router';
import { dispatch, type Handlers } from '../../../lib/extension/messaging/dispatch';
import { backgroundRequestSchemas, MAX_BULK_IDS } from '../../../lib/extension/messaging/schemas';
import type { Annotation } from '../../../lib/core/model/annotation';
import type { BackgroundRequests, BackgroundType, Result } from '../../../lib/extension/messaging/messages';
import type { AnnotationDb } from '../../../storage/db';
import { CONTENT_TAB, contentScriptSender, createTestRouter, typedCall } from './router-harness';
import { ARTICLE_ID, OTHER_ARTICLE_ID, articleMeta, newAnnotation } from './fixtures';

const contentScript = contentScriptSender;
const libraryPage = (): SenderInfo => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/library.html'),
  tab: { id: 3 },
});

let db: AnnotationDb;
let notifyChanged: ReturnType<typeof createTestRouter>['notifyChanged'];
let notifyKnownWordsChanged: ReturnType<typeof createTestRouter>['notifyKnownWordsChanged'];
let route: BackgroundRouter;

beforeEach(() => {
  fakeBrowser.reset();
  ({ db, notifyChanged, notifyKnownWordsChanged, route } = createTestRouter());
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** Sends a typed request through the router, from the library page unless told otherwise. */
const call = typedCall(() => route, libraryPage);

/** The value of a successful answer (fails the test otherwise). */
function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Creates an annotation on `articleId` through the router, as the content script in a tab showing it does. */
async function createOn(articleId = ARTICLE_ID, start = 10, tags: string[] = []): Promise<Annotation> {
  const url = `https://www.163.com/dy/article/${articleId}.html`;
  const article = articleMeta({ id: articleId, url });
  const sender = { ...contentScript(), url };
  return value(await call('annotations/create', { article, annotation: newAnnotation(start, start + 5, { tags }) }, sender));
}

describe('payload validation', () => {
  const echo = Object.fromEntries(
    Object.keys(backgroundRequestSchemas).map((t) => [t, (p: unknown) => p]),
  ) as unknown as Handlers<BackgroundRequests, undefined>;
  const validate = (type: BackgroundType, payload: unknown) =>
    dispatch(backgroundRequestSchemas, echo, { type, payload }, undefined, () => {
      throw new Error('echo handlers do not fail');
    });
  const ID = '6f1c2a9e-4b7d-4c3e-9a1f-2b3c4d5e6f70';

  it.each<[BackgroundType, unknown]>([
    ['annotations/delete-many', { ids: [ID] }],
    ['annotations/restore-many', { ids: [ID] }],
    ['annotations/reattach', { id: ID, target: newAnnotation().target }],
    ['annotations/export', { format: 'markdown', scope: { kind: 'all' } }],
    ['annotations/export', { format: 'w3c', scope: { kind: 'article', articleId: ARTICLE_ID } }],
    ['annotations/export', { format: 'readwise-csv', scope: { kind: 'selection', ids: [ID] } }],
    ['annotations/import', { text: '{}' }],
    ['tags/list', {}],
  ])('%s accepts %j', async (type, payload) => {
    expect(await validate(type, payload)).toEqual({ ok: true, value: payload });
  });

  it.each<[BackgroundType, unknown, RegExp]>([
    ['annotations/delete-many', { ids: [] }, /ids must name at least one annotation/],
    ['annotations/delete-many', { ids: [ID, ID] }, /ids must not repeat an id/],
    ['annotations/delete-many', { ids: ['x'] }, /ids\[0\] must be an annotation id/],
    ['annotations/restore-many', { ids: Array.from({ length: MAX_BULK_IDS + 1 }, () => crypto.randomUUID()) }, /at most 100000/],
    ['annotations/reattach', { id: ID, target: { ...newAnnotation().target, version: 99 } }, /target\.version must be 1 to/],
    ['annotations/export', { format: 'pdf', scope: { kind: 'all' } }, /format must be one of markdown, json, w3c, readwise-csv/],
    [
      'annotations/export',
      { format: 'json', scope: { kind: 'everything' } },
      /scope\.kind must be "all", "article" or "selection"/,
    ],
    ['annotations/export', { format: 'json', scope: { kind: 'all', extra: 1 } }, /scope\.extra is not an allowed field/],
    ['annotations/import', { text: 42 }, /text must be text/],
    ['tags/list', { prefix: 'a' }, /prefix is not an allowed field/],
  ])('%s refuses %#', async (type, payload, reason) => {
    const result = await validate(type, payload);
    expect(!result.ok && result.error.code).toBe('invalid-request');
    expect(!result.ok && result.error.message).toMatch(reason);
  });
});

describe('who may ask', () => {
  it.each<BackgroundType>(['annotations/delete-many', 'annotations/restore-many', 'annotations/export', 'annotations/import'])(
    'refuses %s from a content script',
    async (type) => {
      const payloads: Record<string, unknown> = {
        'annotations/delete-many': { ids: [crypto.randomUUID()] },
        'annotations/restore-many': { ids: [crypto.randomUUID()] },
        'annotations/export': { format: 'json', scope: { kind: 'all' } },
        'annotations/import': { text: '[]' },
      };
      const result = await route({ type, payload: payloads[type] }, contentScript());
      expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.stringMatching(/own pages/) } });
    },
  );

  it('lets a content script re-attach, but not list the tags of the whole library (the editor frame does)', async () => {
    const a = await createOn(ARTICLE_ID, 10, ['musk']);
    expect(await call('tags/list', {}, contentScript())).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: expect.stringMatching(/own pages/) },
    });
    expect(value(await call('tags/list', {}))).toEqual(['musk']);
    const moved = value(await call('annotations/reattach', { id: a.id, target: newAnnotation(50, 58).target }, contentScript()));
    expect(moved.target.selector[1]).toMatchObject({ start: 50, end: 58 });
    expect(notifyChanged).toHaveBeenLastCalledWith(ARTICLE_ID, CONTENT_TAB);
  });
});

describe('bulk delete and restore', () => {
  it('deletes and restores together, telling each article\u2019s tabs once', async () => {
    const a = await createOn(ARTICLE_ID, 1);
    const b = await createOn(ARTICLE_ID, 20);
    const c = await createOn(OTHER_ARTICLE_ID, 1);
    notifyChanged.mockClear();
    const deleted = value(await call('annotations/delete-many', { ids: [a.id, b.id, c.id] }));
    expect(deleted.every((x) => x.deletedAt !== null)).toBe(true);
    // A change made in the library is news to every tab showing the article (the library's own tab shows none).
    expect(notifyChanged.mock.calls).toEqual([
      [ARTICLE_ID, undefined],
      [OTHER_ARTICLE_ID, undefined],
    ]);
    expect(value(await call('annotations/list', { articleId: ARTICLE_ID }, contentScript()))).toEqual([]);
    value(await call('annotations/restore-many', { ids: [a.id, b.id, c.id] }));
    expect(value(await call('annotations/list', { articleId: ARTICLE_ID }, contentScript()))).toHaveLength(2);
  });
});

describe('export', () => {
  it('answers a dated file of everything, of one article, or of a selection', async () => {
    const a = await createOn(ARTICLE_ID, 1);
    const c = await createOn(OTHER_ARTICLE_ID, 1);
    const all = value(await call('annotations/export', { format: 'json', scope: { kind: 'all' } }));
    expect(all.filename).toMatch(/^netease-annotations-\d{4}-\d{2}-\d{2}\.json$/);
    expect(
      JSON.parse(all.text)
        .annotations.map((x: Annotation) => x.id)
        .sort(),
    ).toEqual([a.id, c.id].sort());

    const one = value(
      await call('annotations/export', { format: 'markdown', scope: { kind: 'article', articleId: OTHER_ARTICLE_ID } }),
    );
    expect(one).toMatchObject({
      filename: expect.stringMatching(new RegExp(`-${OTHER_ARTICLE_ID}\\.md$`)),
      mime: 'text/markdown;charset=utf-8',
    });
    expect(one.text).toContain(c.id);
    expect(one.text).not.toContain(a.id);

    const picked = value(await call('annotations/export', { format: 'w3c', scope: { kind: 'selection', ids: [a.id] } }));
    expect(picked.filename).toMatch(/-selection\.jsonld$/);
    expect(picked.text).toContain(a.id);
    expect(picked.text).not.toContain(c.id);
    expect(notifyChanged).toHaveBeenCalledTimes(2);
  });
});

describe('import', () => {
  it('merges a backup and reports what it did, telling the article\u2019s tabs', async () => {
    const a = await createOn(ARTICLE_ID, 1);
    const backup = JSON.parse(value(await call('annotations/export', { format: 'json', scope: { kind: 'all' } })).text);
    await db.annotations.clear();
    notifyChanged.mockClear();
    backup.annotations.push({ ...backup.annotations[0], id: crypto.randomUUID(), color: 'black' });
    const report = value(await call('annotations/import', { text: JSON.stringify(backup) }));
    expect(report).toMatchObject({
      added: 1,
      updated: 0,
      duplicates: 0,
      rejected: [{ index: 1, reason: expect.stringMatching(/^color/) }],
    });
    expect((await db.annotations.get(a.id))?.note).toBe(a.note);
    expect(notifyChanged).toHaveBeenCalledWith(ARTICLE_ID, undefined);
  });

  it('gives back the known words after a backup of everything is exported, the data wiped and the backup imported', async () => {
    await createOn(ARTICLE_ID, 1);
    value(await call('known-words/set', { words: ['工程師', '訪談'], known: true }, contentScript()));
    value(await call('known-words/set', { words: ['馬斯克'], known: true }, contentScript()));
    const marked = await db.knownWords.orderBy('word').toArray();
    const backup = value(await call('annotations/export', { format: 'json', scope: { kind: 'all' } })).text;
    expect(
      JSON.parse(backup)
        .knownWords.map((k: { word: string }) => k.word)
        .sort(),
    ).toEqual(marked.map((k) => k.word));

    await Promise.all([db.annotations.clear(), db.articles.clear(), db.knownWords.clear()]);
    expect(value(await call('known-words/list', {}, contentScript()))).toEqual([]);
    notifyKnownWordsChanged.mockClear();
    expect(value(await call('annotations/import', { text: backup }))).toMatchObject({ added: 1, knownWordsAdded: marked.length });
    // Open articles leave the restored words bare without a reload.
    expect(notifyKnownWordsChanged).toHaveBeenCalledExactlyOnceWith(undefined);
    expect(await db.knownWords.orderBy('word').toArray()).toEqual(marked);
    expect(value(await call('known-words/list', {}, contentScript())).sort()).toEqual(marked.map((k) => k.word));
  });

  it('refuses a file that cannot be imported with the reason, and changes nothing', async () => {
    await createOn(ARTICLE_ID, 1);
    notifyChanged.mockClear();
    const result = await call('annotations/import', { text: '{"format": "something-else"}' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-file', message: expect.stringMatching(/format is not one this extension reads/) },
    });
    expect(await db.annotations.count()).toBe(1);
    expect(notifyChanged).not.toHaveBeenCalled();
  });

  it('stays quiet when nothing was added or updated', async () => {
    await createOn(ARTICLE_ID, 1);
    const backup = value(await call('annotations/export', { format: 'json', scope: { kind: 'all' } })).text;
    notifyChanged.mockClear();
    expect(value(await call('annotations/import', { text: backup }))).toMatchObject({ added: 0, updated: 0, duplicates: 1 });
    expect(notifyChanged).not.toHaveBeenCalled();
  });
});
