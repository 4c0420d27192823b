import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground, callTab } from '../../lib/extension/messaging/client';
import { positionOf, type Annotation, type AnnotationPatch } from '../../lib/core/model/annotation';
import type { MessageError, PageState } from '../../lib/extension/messaging/messages';

/** What the popup knows about the active tab. */
export type PopupData =
  | { kind: 'loading' }
  | { kind: 'not-article' }
  | { kind: 'error'; error: MessageError }
  | { kind: 'article'; tabId: number; page: PageState; annotations: Annotation[] };

/** Loads the active tab's article and its annotations, and offers the edits the popup makes. */
export function useArticleAnnotations() {
  const [data, setData] = useState<PopupData>({ kind: 'loading' });

  const load = useCallback(async () => {
    const tabId = requestedTabId() ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return setData({ kind: 'not-article' });
    const page = await callTab(tabId, 'page/state', {});
    if (!page.ok || !page.value) return setData({ kind: 'not-article' });
    const list = await callBackground('annotations/list', { articleId: page.value.article.id });
    if (!list.ok) return setData({ kind: 'error', error: list.error });
    const annotations = [...list.value].sort((a, b) => positionOf(a).start - positionOf(b).start);
    setData({ kind: 'article', tabId, page: page.value, annotations });
  }, []);

  useEffect(() => void load(), [load]);

  const replace = (annotation: Annotation) =>
    setData((d) =>
      d.kind === 'article' ? { ...d, annotations: d.annotations.map((a) => (a.id === annotation.id ? annotation : a)) } : d,
    );

  /** Saves a change; resolves to the error when it failed (the caller keeps the reader's text). */
  const patch = async (id: string, change: AnnotationPatch): Promise<MessageError | null> => {
    const result = await callBackground('annotations/update', { id, patch: change });
    if (!result.ok) return result.error;
    replace(result.value);
    return null;
  };

  const remove = async (id: string): Promise<MessageError | null> => {
    const result = await callBackground('annotations/delete', { id });
    if (!result.ok) return result.error;
    setData((d) => (d.kind === 'article' ? { ...d, annotations: d.annotations.filter((a) => a.id !== id) } : d));
    return null;
  };

  const restore = async (id: string): Promise<MessageError | null> => {
    const result = await callBackground('annotations/restore', { id });
    if (!result.ok) return result.error;
    await load();
    return null;
  };

  const scrollTo = (id: string) => data.kind === 'article' && void callTab(data.tabId, 'page/scroll-to', { id });

  return { data, reload: load, patch, remove, restore, scrollTo };
}

/**
 * `popup.html?tab=<id>` shows the popup for that tab: used when the popup is opened as a page
 * (the demo tour and the browser tests), where the active tab is the popup itself.
 */
function requestedTabId(): number | undefined {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}
