import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { articleTabs, orphanIds, showInArticle } from '../../../lib/pages/article-tabs';
import type { PageState } from '../../../lib/extension/messaging/messages';

const ARTICLE = 'KJ8S2N1V0556A7ZQ';
const URL_ = `https://www.163.com/dy/article/${ARTICLE}.html`;
const ID = '6f1c2a9e-4b7d-4c3e-9a1f-2b3c4d5e6f70';

/** What the content script of an article tab answers: its state, a scroll that finds `id` or not. */
function pageAnswers(states: Map<number, PageState>, found = true) {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type: string }) => {
    const state = states.get(tabId);
    if (!state) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (message.type === 'page/state') return { ok: true, value: state };
    return { ok: true, value: found };
  }) as never);
}

const stateOf = (anchors: PageState['anchors'], id = ARTICLE): PageState => ({
  article: { id, title: 't', source: 's', publishedAt: '', url: `https://www.163.com/dy/article/${id}.html` },
  anchors,
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('articleTabs and orphanIds', () => {
  it('asks every tab and keeps those whose content script answers, with their orphans', async () => {
    const article = await fakeBrowser.tabs.create({ url: URL_ });
    await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    pageAnswers(
      new Map([
        [
          article.id!,
          stateOf([
            { id: ID, status: 'orphan' },
            { id: 'b', status: 'anchored' },
          ]),
        ],
      ]),
    );
    const tabs = await articleTabs();
    expect(tabs.map((t) => t.tabId)).toEqual([article.id]);
    expect(orphanIds(tabs)).toEqual(new Set([ID]));
  });
});

describe('showInArticle', () => {
  it('focuses the tab already showing the article and scrolls to the annotation there', async () => {
    await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    const article = await fakeBrowser.tabs.create({ url: URL_, active: false });
    const send = pageAnswers(new Map([[article.id!, stateOf([{ id: ID, status: 'anchored' }])]]));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const activate = vi.spyOn(fakeBrowser.tabs, 'update');
    const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    expect(await showInArticle(ARTICLE, URL_, ID, 'show')).toBe('shown');
    expect(create).not.toHaveBeenCalled();
    expect(activate).toHaveBeenCalledWith(article.id, { active: true });
    expect(focus).toHaveBeenCalledWith(article.windowId, { focused: true });
    expect(send).toHaveBeenLastCalledWith(article.id, { type: 'page/scroll-to', payload: { id: ID } }, { frameId: 0 });
  });

  it('opens the article when no tab shows it, and waits for the annotation to be loaded there', async () => {
    const states = new Map<number, PageState>();
    pageAnswers(states);
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const shown = showInArticle(ARTICLE, URL_, ID, 'reattach');
    await vi.waitFor(() => expect(created).toHaveBeenCalledWith({ url: URL_, active: true }));
    const tabId = (await created.mock.results[0].value).id as number;
    states.set(tabId, stateOf([])); // loaded, annotations not yet
    await new Promise((resolve) => setTimeout(resolve, 200));
    states.set(tabId, stateOf([{ id: ID, status: 'orphan' }]));
    expect(await shown).toBe('reattaching');
  });

  it('says when the annotation is not on its page', async () => {
    const article = await fakeBrowser.tabs.create({ url: URL_ });
    pageAnswers(new Map([[article.id!, stateOf([{ id: ID, status: 'orphan' }])]]), false);
    expect(await showInArticle(ARTICLE, URL_, ID, 'show')).toBe('orphan');
  });
});
