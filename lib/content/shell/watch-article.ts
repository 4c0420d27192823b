/**
 * Notices when the page changes the article under us — NetEase scripts re-render it, inject ads or paragraphs, replace
 * nodes, or swap the whole body — so highlights can be re-anchored. Changes only to attributes (lazy images loading)
 * and to our own injected nodes cause no work.
 */
import { IGNORE_ATTRIBUTE } from '../../core/anchoring/text-index';

/** How long the page must be quiet before we re-anchor: one burst of mutations gives one re-anchor. */
export const SETTLE_MS = 150;

const isOwnNode = (node: Node): boolean =>
  (node instanceof Element ? node : node.parentElement)?.closest(`[${IGNORE_ATTRIBUTE}]`) != null;

const isOwnMutation = (record: MutationRecord): boolean =>
  record.type === 'characterData'
    ? isOwnNode(record.target)
    : [...record.addedNodes, ...record.removedNodes].every((n) => n instanceof Element && n.hasAttribute(IGNORE_ATTRIBUTE));

/** Calls `onChange` once per settled burst of changes to `root`'s text or to `root` itself; returns a stop function. */
export function watchArticle(root: Element, onChange: () => void, settleMs = SETTLE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    const relevant = records.some((r) => (r.target === root.parentNode ? [...r.removedNodes].includes(root) : !isOwnMutation(r)));
    if (!relevant) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  if (root.parentNode) observer.observe(root.parentNode, { childList: true });
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}
