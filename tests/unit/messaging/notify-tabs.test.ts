import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  notifyAnnotationsChanged,
  notifyKnownWordsChanged,
  notifyTabsOfRemoteWrite,
} from '../../../lib/background/messaging/notify-tabs';
import { ARTICLE_ID } from './fixtures';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

it('tells the tabs showing the article but the sender’s, and ignores tabs without our content script', async () => {
  const article = await fakeBrowser.tabs.create({ url: `https://www.163.com/dy/article/${ARTICLE_ID}.html` });
  const mobile = await fakeBrowser.tabs.create({ url: `https://m.163.com/dy/article/${ARTICLE_ID}.html?f=post` });
  const sender = await fakeBrowser.tabs.create({ url: `https://www.163.com/dy/article/${ARTICLE_ID}.html` });
  const unloaded = await fakeBrowser.tabs.create({ url: `https://www.163.com/news/article/${ARTICLE_ID}.html` });
  await fakeBrowser.tabs.create({ url: 'https://www.163.com/dy/article/ZZZZZZZZZZZZZZZZ.html' });
  await fakeBrowser.tabs.create({ url: 'https://example.com/' });
  const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
    if (tabId === unloaded.id) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { ok: true, value: undefined };
  });

  await expect(notifyAnnotationsChanged(ARTICLE_ID, sender.id)).resolves.toBeUndefined();

  const notified = send.mock.calls.map(([tabId]) => tabId);
  // Only tabs showing the article hear of it (a page on another article or site learns nothing), and nothing but
  // that it changed.
  expect(notified.sort()).toEqual([article.id, mobile.id, unloaded.id].sort());
  expect(send).toHaveBeenCalledWith(article.id, { type: 'page/annotations-changed', payload: {} }, { frameId: 0 });
});

it('tells every tab showing the article when the change came from an extension page', async () => {
  const tabs = [
    await fakeBrowser.tabs.create({ url: `https://www.163.com/dy/article/${ARTICLE_ID}.html` }),
    await fakeBrowser.tabs.create({ url: `https://3g.163.com/dy/article/${ARTICLE_ID}.html` }),
  ];
  await fakeBrowser.tabs.create({ url: 'https://www.163.com/a.html' });
  const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: undefined });
  await notifyAnnotationsChanged(ARTICLE_ID, undefined);
  expect(send.mock.calls.map(([tabId]) => tabId).sort()).toEqual(tabs.map((t) => t.id).sort());
});

it('tells the other tabs that the known words changed', async () => {
  const article = await fakeBrowser.tabs.create({ url: 'https://www.163.com/dy/article/X.html' });
  const sender = await fakeBrowser.tabs.create({ url: 'https://www.163.com/dy/article/Y.html' });
  const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: undefined });
  await notifyKnownWordsChanged(sender.id);
  expect(send.mock.calls.map(([tabId]) => tabId)).not.toContain(sender.id);
  expect(send).toHaveBeenCalledWith(article.id, { type: 'page/known-words-changed', payload: {} }, { frameId: 0 });
});

it('tells the tabs of a write sync made: those showing a changed article, and all of them of known words and settings', async () => {
  const article = await fakeBrowser.tabs.create({ url: `https://www.163.com/dy/article/${ARTICLE_ID}.html` });
  const other = await fakeBrowser.tabs.create({ url: 'https://www.163.com/dy/article/ZZZZZZZZZZZZZZZZ.html' });
  const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: undefined });
  await notifyTabsOfRemoteWrite(new Set(['annotation']), [ARTICLE_ID]);
  expect(send.mock.calls.map(([tabId, message]) => [tabId, message])).toEqual([
    [article.id, { type: 'page/annotations-changed', payload: {} }],
  ]);
  send.mockClear();
  await notifyTabsOfRemoteWrite(new Set(['knownWord', 'setting']), []);
  const told = (type: string) =>
    send.mock.calls.filter(([, message]) => (message as { type: string }).type === type).map(([tabId]) => tabId);
  expect(told('page/known-words-changed')).toEqual(expect.arrayContaining([article.id, other.id]));
  expect(told('page/settings-changed')).toEqual(expect.arrayContaining([article.id, other.id]));
  expect(told('page/annotations-changed')).toEqual([]);
});
