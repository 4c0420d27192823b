import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { notifyAnnotationsChanged, notifyKnownWordsChanged } from '../../../lib/messaging/notify-tabs';
import { ARTICLE_ID } from './fixtures';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

it('tells every tab but the sender’s, and ignores tabs without our content script', async () => {
  const article = await fakeBrowser.tabs.create({ url: 'https://www.163.com/dy/article/X.html' });
  const sender = await fakeBrowser.tabs.create({ url: 'https://www.163.com/dy/article/Y.html' });
  const other = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
  const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
    if (tabId === other.id) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { ok: true, value: undefined };
  });

  await expect(notifyAnnotationsChanged(ARTICLE_ID, sender.id)).resolves.toBeUndefined();

  const allIds = (await fakeBrowser.tabs.query({})).map((t) => t.id);
  const notified = send.mock.calls.map(([tabId]) => tabId);
  expect(notified.sort()).toEqual(allIds.filter((id) => id !== sender.id).sort());
  expect(notified).toContain(article.id);
  expect(send).toHaveBeenCalledWith(article.id, { type: 'page/annotations-changed', payload: { articleId: ARTICLE_ID } }, { frameId: 0 });
});

it('tells every tab when the change came from an extension page', async () => {
  await fakeBrowser.tabs.create({ url: 'https://www.163.com/a.html' });
  const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: undefined });
  await notifyAnnotationsChanged(ARTICLE_ID, undefined);
  expect(send).toHaveBeenCalledTimes((await fakeBrowser.tabs.query({})).length);
});

it('tells the other tabs that the known words changed', async () => {
  const article = await fakeBrowser.tabs.create({ url: 'https://www.163.com/dy/article/X.html' });
  const sender = await fakeBrowser.tabs.create({ url: 'https://www.163.com/dy/article/Y.html' });
  const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: undefined });
  await notifyKnownWordsChanged(sender.id);
  expect(send.mock.calls.map(([tabId]) => tabId)).not.toContain(sender.id);
  expect(send).toHaveBeenCalledWith(article.id, { type: 'page/known-words-changed', payload: {} }, { frameId: 0 });
});
