/**
 * Builds a happy-dom Document with the tree a browser builds from an HTML page: parse5 (the WHATWG HTML parsing
 * algorithm browsers implement) parses, and its tree is recreated node by node in the test environment's DOM.
 * happy-dom's own parser nests real legacy NetEase pages differently from browsers (a 2015 body swallows the page
 * footer), which would test detection against a tree no reader's browser ever has.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type ParsedNode = DefaultTreeAdapterMap['node'];
type ParsedParent = DefaultTreeAdapterMap['parentNode'];

/** Recreates `from`'s children under `to` in `doc`. */
function copyChildren(doc: Document, from: ParsedParent, to: Node): void {
  const children = 'content' in from && from.nodeName === 'template' ? from.content.childNodes : from.childNodes;
  for (const child of children as ParsedNode[]) {
    if (child.nodeName === '#text') to.appendChild(doc.createTextNode((child as DefaultTreeAdapterMap['textNode']).value));
    else if (child.nodeName === '#comment')
      to.appendChild(doc.createComment((child as DefaultTreeAdapterMap['commentNode']).data));
    else if ('tagName' in child) {
      const el = doc.createElementNS(child.namespaceURI, child.tagName);
      for (const { name, value } of child.attrs) {
        try {
          el.setAttribute(name, value);
        } catch {
          // an attribute name the DOM API refuses (`"`, `<` in it): browsers keep it, nothing here reads it
        }
      }
      copyChildren(doc, child, el);
      to.appendChild(el);
    }
  }
}

/** The document a browser would build from `html`, in the test environment's DOM. */
export function parseAsBrowser(html: string): Document {
  const parsed = parse(html);
  const doc = document.implementation.createHTMLDocument('');
  const htmlElement = parsed.childNodes.find((n) => n.nodeName === 'html') as DefaultTreeAdapterMap['element'];
  doc.documentElement.replaceChildren();
  for (const { name, value } of htmlElement.attrs) doc.documentElement.setAttribute(name, value);
  copyChildren(doc, htmlElement, doc.documentElement);
  return doc;
}
