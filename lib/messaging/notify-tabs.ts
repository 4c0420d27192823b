/** How the background tells open tabs that an article's annotations changed somewhere else. */
import { browser } from 'wxt/browser';
import { callTab } from './client';

/**
 * Sends 'page/annotations-changed' for `articleId` to every tab except `exceptTabId`. Needs no `tabs` permission
 * (tab ids are always visible); tabs without our content script simply do not answer, which is ignored.
 */
export async function notifyAnnotationsChanged(articleId: string, exceptTabId: number | undefined): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap(({ id }) =>
      id === undefined || id === exceptTabId || id < 0 ? [] : [callTab(id, 'page/annotations-changed', { articleId })],
    ),
  );
}
