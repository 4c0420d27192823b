/**
 * Reaching articles in the reader's tabs from an extension page: which tabs show which article (and which of its
 * annotations could not be placed there), and opening or focusing an article to show — or re-attach — one annotation.
 * Tabs are found by asking each one's content script (`page/state`), so no `tabs` permission is needed.
 */
import { browser } from 'wxt/browser';
import { callTab } from '../extension/messaging/client';
import type { PageState } from '../extension/messaging/messages';

/** A tab whose content script answered, with what it said about its article. */
export interface ArticleTab {
  tabId: number;
  windowId: number | undefined;
  state: PageState;
}

/** Every tab showing a NetEase article our content script runs on. Tabs that do not answer are left out. */
export async function articleTabs(): Promise<ArticleTab[]> {
  const tabs = await browser.tabs.query({});
  const answers = await Promise.all(
    tabs.map(async ({ id, windowId }): Promise<ArticleTab | null> => {
      if (id === undefined || id < 0) return null;
      const state = await callTab(id, 'page/state', {});
      return state.ok && state.value ? { tabId: id, windowId, state: state.value } : null;
    }),
  );
  return answers.filter((tab): tab is ArticleTab => tab !== null);
}

/** The ids of annotations that open tabs could not place on their page: the orphans the library can name. */
export function orphanIds(tabs: readonly ArticleTab[]): Set<string> {
  return new Set(tabs.flatMap((tab) => tab.state.anchors.filter((a) => a.status === 'orphan').map((a) => a.id)));
}

/** What became of a request to show an annotation in its article. */
export type ShowOutcome = 'shown' | 'orphan' | 'reattaching' | 'unreachable';

/** How long to wait for a newly opened article to load its annotations. */
const LOAD_TIMEOUT_MS = 20_000;
const POLL_MS = 150;

/** Brings the tab and its window to the front. */
async function focusTab(tabId: number, windowId: number | undefined): Promise<void> {
  await browser.tabs.update(tabId, { active: true });
  if (windowId !== undefined) await browser.windows.update(windowId, { focused: true });
}

/** Waits until the content script in `tabId` has loaded annotation `id`; false on timeout. */
async function waitForAnnotation(tabId: number, id: string): Promise<boolean> {
  for (const deadline = Date.now() + LOAD_TIMEOUT_MS; Date.now() < deadline;) {
    const state = await callTab(tabId, 'page/state', {});
    if (state.ok && state.value?.anchors.some((a) => a.id === id)) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return false;
}

/** Brings the tab already showing article `articleId` to the front, or opens `url` in a new tab; its id. */
export async function openArticle(articleId: string, url: string): Promise<number | undefined> {
  const open = (await articleTabs()).find((tab) => tab.state.article.id === articleId);
  if (!open) return (await browser.tabs.create({ url, active: true })).id;
  await focusTab(open.tabId, open.windowId);
  return open.tabId;
}

/**
 * Shows annotation `id` of article `articleId` to the reader: brings its article to the front (`openArticle`),
 * waits for the annotation to be loaded there, then scrolls to it and flashes it (`show`) or starts re-attaching it
 * to the reader's next selection (`reattach`).
 */
export async function showInArticle(
  articleId: string,
  url: string,
  id: string,
  intent: 'show' | 'reattach',
): Promise<ShowOutcome> {
  const tabId = await openArticle(articleId, url);
  if (tabId === undefined || !(await waitForAnnotation(tabId, id))) return 'unreachable';
  if (intent === 'reattach') {
    const started = await callTab(tabId, 'page/reattach', { id });
    return started.ok && started.value ? 'reattaching' : 'unreachable';
  }
  const shown = await callTab(tabId, 'page/scroll-to', { id });
  if (!shown.ok) return 'unreachable';
  return shown.value ? 'shown' : 'orphan';
}
