/** How the background tells open tabs that something they show changed somewhere else. */
import { browser } from 'wxt/browser';
import type { PageRequests, PageType } from '../../extension/messaging/messages';
import { articleIdFromUrl } from '../../core/netease/article-id';
import { callTab } from '../../extension/messaging/client';

/**
 * Sends `type` with `payload` to every tab `shows` accepts, except `exceptTabId` (the tab that made the change: it
 * already knows). Tabs without our content script simply do not answer, which is ignored.
 */
async function notifyTabs<K extends PageType>(
  type: K,
  payload: PageRequests[K]['request'],
  exceptTabId: number | undefined,
  shows: (tab: { url?: string }) => boolean = () => true,
): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap((tab) =>
      tab.id === undefined || tab.id === exceptTabId || tab.id < 0 || !shows(tab) ? [] : [callTab(tab.id, type, payload)],
    ),
  );
}

/**
 * Tells the other tabs showing `articleId` that its annotations changed, and nothing more: no other tab learns that
 * the reader is annotating it. A tab's address is visible where our content script may run (its match patterns).
 */
export const notifyAnnotationsChanged = (articleId: string, exceptTabId: number | undefined): Promise<void> =>
  notifyTabs(
    'page/annotations-changed',
    {},
    exceptTabId,
    (tab) => tab.url !== undefined && articleIdFromUrl(tab.url) === articleId,
  );

/** Tells the other tabs that the reader's known words changed (marked in another tab, or restored from a backup). */
export const notifyKnownWordsChanged = (exceptTabId: number | undefined): Promise<void> =>
  notifyTabs('page/known-words-changed', {}, exceptTabId);
