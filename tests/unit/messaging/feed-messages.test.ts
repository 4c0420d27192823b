/**
 * The change-feed and settings messages through the background router: content scripts read and change only the
 * public settings (never the translation keys) and the other tabs are told; the pages' reads are refused to content
 * scripts; every committed write reaches the open extension pages once, and pages accept that notice only from
 * the background.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { BackgroundRouter, SenderInfo } from '../../../lib/background/messaging/background-router';
import { notifyExtensionPages } from '../../../lib/background/messaging/notify-pages';
import type { ChangesHappened } from '../../../lib/core/model/changes';
import { followChanges, touchesAnnotations } from '../../../lib/pages/follow-changes';
import type { AnnotationDb } from '../../../storage/db';
import { createRepository } from '../../../storage/repository';
import { ARTICLE_ID, articleMeta, newAnnotation } from './fixtures';
import { CONTENT_TAB, contentScriptSender, createTestRouter, typedCall } from './router-harness';

let db: AnnotationDb;
let route: BackgroundRouter;
let notifySettingsChanged: ReturnType<typeof createTestRouter>['notifySettingsChanged'];

const page = (): SenderInfo => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/library.html') });
const call = typedCall(() => route, contentScriptSender);

beforeEach(() => {
  fakeBrowser.reset();
  ({ db, route, notifySettingsChanged } = createTestRouter());
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('settings messages', () => {
  it('gives a content script the public settings, defaults first, and keeps what it changes for every tab', async () => {
    expect(await call('settings/read', {})).toEqual({ ok: true, value: { lastColor: 'yellow', gloss: null } });
    const gloss = { on: true, pinyin: false, english: true, mode: 'paragraphs' as const };
    expect(await call('settings/write', { lastColor: 'blue', gloss })).toEqual({ ok: true, value: { lastColor: 'blue', gloss } });
    expect(notifySettingsChanged).toHaveBeenCalledExactlyOnceWith(CONTENT_TAB);
    expect(await call('settings/read', {}, page())).toEqual({ ok: true, value: { lastColor: 'blue', gloss } });
    // The same settings again are no news.
    await call('settings/write', { lastColor: 'blue' });
    expect(notifySettingsChanged).toHaveBeenCalledOnce();
  });

  it('never sends the translation set-up through them, and refuses anything but the public settings', async () => {
    await call(
      'translate/save-settings',
      {
        settings: {
          provider: 'deepl',
          deepl: { key: 'secret:fx' },
          libretranslate: { baseUrl: '', key: '' },
          google: { key: '' },
        },
      },
      page(),
    );
    expect(JSON.stringify(await call('settings/read', {}))).not.toContain('secret');
    for (const payload of [{ translation: {} }, { lastColor: 'plaid' }, { gloss: { on: true } }, { gloss: null }]) {
      expect(await route({ type: 'settings/write', payload }, contentScriptSender())).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(notifySettingsChanged).not.toHaveBeenCalled();
  });
});

describe('page reads', () => {
  it('answers the pages with the articles, their counts and the library records, and refuses content scripts', async () => {
    await call('annotations/create', { article: articleMeta(), annotation: newAnnotation() });
    expect(await call('articles/recent', {}, page())).toMatchObject({ ok: true, value: [{ id: ARTICLE_ID }] });
    expect(await call('articles/counts', {}, page())).toEqual({ ok: true, value: [[ARTICLE_ID, 1]] });
    const records = await call('library/records', {}, page());
    expect(records.ok && JSON.parse(records.value)).toMatchObject({
      annotations: [{ articleId: ARTICLE_ID }],
      articles: [{ id: ARTICLE_ID }],
      setAside: 0,
    });
    for (const type of ['articles/recent', 'articles/counts', 'library/records'] as const) {
      expect(await call(type, {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
  });
});

describe('telling the extension pages', () => {
  it('sends one notice per committed write with its kinds and articles', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const repository = createRepository(db, fakeBrowser.storage.local);
    repository.subscribe(notifyExtensionPages);
    const a = await repository.annotations.create(articleMeta(), newAnnotation());
    await repository.knownWords.set(['生命'], false);
    await repository.knownWords.set(['生命'], true);
    await repository.annotations.softDeleteMany([a.id]);
    expect(send.mock.calls.map(([message]) => message)).toEqual([
      { type: 'changes/happened', payload: { kinds: ['article', 'annotation'], articleIds: [ARTICLE_ID] } },
      { type: 'changes/happened', payload: { kinds: ['knownWord'], articleIds: [] } },
      { type: 'changes/happened', payload: { kinds: ['annotation'], articleIds: [ARTICLE_ID] } },
    ]);
  });

  it('lets a page follow the background’s notices only, until it stops', async () => {
    const seen: ChangesHappened[] = [];
    const stop = followChanges((changes) => seen.push(changes));
    const notice = { type: 'changes/happened', payload: { kinds: ['annotation'], articleIds: [ARTICLE_ID] } };
    const background = { id: fakeBrowser.runtime.id };
    await fakeBrowser.runtime.onMessage.trigger(notice, background);
    // A content script (sent from a tab), another extension, or a malformed notice is not heard.
    await fakeBrowser.runtime.onMessage.trigger(notice, { ...background, tab: { id: 3 } as never });
    await fakeBrowser.runtime.onMessage.trigger(notice, { id: 'someone-else' });
    await fakeBrowser.runtime.onMessage.trigger({ ...notice, payload: { kinds: ['everything'], articleIds: [] } }, background);
    expect(seen).toEqual([notice.payload]);
    expect(touchesAnnotations(seen[0], ARTICLE_ID)).toBe(true);
    expect(touchesAnnotations(seen[0], 'HQ2B3C4D0001875O')).toBe(false);
    expect(touchesAnnotations({ kinds: ['knownWord'], articleIds: [] })).toBe(false);
    stop();
    await fakeBrowser.runtime.onMessage.trigger(notice, background);
    expect(seen).toHaveLength(1);
  });
});
