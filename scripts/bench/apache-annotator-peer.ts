/**
 * The third peer of the edit corpus: `@apache-annotator/dom` (Apache Annotator), used as its users use it — the
 * article in a DOM document (happy-dom's, as in Node tests), the stored TextQuoteSelector given to
 * `createTextQuoteSelectorMatcher`, and its first match over the article element taken. It looks for prefix + quote
 * + suffix exactly, so it finds a highlight only where all three are unchanged. The library reads the DOM globals
 * (`Node`, `NodeFilter`, `Range`) and needs the standard NodeIterator, which happy-dom lacks: both are supplied.
 */
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { Window } from 'happy-dom';
import type { AnnotationTarget } from '../../lib/core/model/annotation';
import { StandardNodeIterator } from './dom-node-iterator';
import type { Span } from './judge';

/** A peer that resolves placements asynchronously (the library's matchers are async generators). */
export type AsyncPeerAnchor = (target: AnnotationTarget) => Promise<Span | null>;

/**
 * A matcher over `text` as the text of one article element in a fresh document. (One text node: in happy-dom, finding a
 * node's sibling and comparing range boundaries search the parent's children, so with a node per paragraph the peer's
 * time would mostly be happy-dom's, not the library's.)
 */
export function createApacheAnnotatorAnchor(text: string): AsyncPeerAnchor {
  const window = new Window();
  const { document } = window;
  Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter, Range: window.Range });
  Object.assign(document, {
    createNodeIterator: (root: Node, whatToShow?: number, filter?: NodeFilter | null) =>
      new StandardNodeIterator(root, whatToShow, filter),
  });
  const article = document.createElement('article');
  article.textContent = text;
  document.body.append(article);
  const scope = document.createRange();
  scope.selectNodeContents(article);
  return async (target) => {
    const [{ exact, prefix, suffix }] = target.selector;
    const matches = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact, prefix, suffix })(
      scope as unknown as Range,
    );
    for await (const range of matches) return { start: range.startOffset, end: range.endOffset };
    return null;
  };
}
