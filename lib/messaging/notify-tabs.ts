/** How the background tells open tabs that something they show changed somewhere else. */
import { browser } from 'wxt/browser';
import type { PageRequests, PageType } from '../model/messages';
import { callTab } from './client';

/**
 * Sends `type` with `payload` to every tab except `exceptTabId` (the tab that made the change: it already knows).
 * Needs no `tabs` permission (tab ids are always visible); tabs without our content script simply do not answer,
 * which is ignored.
 */
async function notifyTabs<K extends PageType>(
  type: K,
  payload: PageRequests[K]['request'],
  exceptTabId: number | undefined,
): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap(({ id }) => (id === undefined || id === exceptTabId || id < 0 ? [] : [callTab(id, type, payload)])),
  );
}

/** Tells the other tabs that `articleId`'s annotations changed. */
export const notifyAnnotationsChanged = (articleId: string, exceptTabId: number | undefined): Promise<void> =>
  notifyTabs('page/annotations-changed', { articleId }, exceptTabId);

/** Tells the other tabs that the reader's known words changed (marked in another tab, or restored from a backup). */
export const notifyKnownWordsChanged = (exceptTabId: number | undefined): Promise<void> =>
  notifyTabs('page/known-words-changed', {}, exceptTabId);
