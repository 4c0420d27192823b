/**
 * Some article pages fill their body only after load (scripts render it). On a URL that names an article, wait a
 * while for the body to appear instead of giving up at once; elsewhere nothing waits.
 */
import type { FoundArticle } from '../../core/netease/find-article';

/** How long to wait for a late article body before staying silent. */
export const LATE_ARTICLE_TIMEOUT_MS = 20_000;

/** Resolves with the article as soon as `find` sees it after a DOM change, or null after `timeoutMs`. */
export function waitForArticle(
  doc: Document,
  find: () => FoundArticle | null,
  timeoutMs = LATE_ARTICLE_TIMEOUT_MS,
): Promise<FoundArticle | null> {
  return new Promise((resolve) => {
    let pending = false;
    const finish = (found: FoundArticle | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(found);
    };
    const observer = new MutationObserver(() => {
      if (pending) return;
      pending = true;
      // One look per animation frame, however many mutations a render makes.
      requestAnimationFrame(() => {
        pending = false;
        const found = find();
        if (found) finish(found);
      });
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  });
}

/** Resolves once the document's HTML is parsed (at once when it already is): the content script starts before that. */
export function documentParsed(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
