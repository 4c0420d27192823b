/**
 * The article text as anchoring sees it, and the mapping between offsets into it and DOM ranges.
 *
 * Every stored offset (`TextPositionSelector`) counts UTF-16 code units into `TextIndex.text`. The text leaves out
 * what is not article prose — source-formatting whitespace between tags, scripts and styles, our own injected nodes,
 * and whatever the caller's `skip` predicate rejects (ads, widgets) — so the same article gives the same text in the
 * desktop and the mobile page templates, and our own additions never shift an offset.
 */

/** The indexed text of one root element: its Text nodes in document order, concatenated. */
export interface TextIndex {
  /** The element whose text was indexed. */
  readonly root: Element;
  /** The concatenated text of `nodes`. */
  readonly text: string;
  /** The indexed Text nodes, in document order; none is empty. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i]` begins (strictly increasing). */
  readonly starts: readonly number[];
  /** Position of each indexed node in `nodes`, for boundaries that sit inside a Text node. */
  readonly positions: ReadonlyMap<Text, number>;
}

/** Elements whose content is never article text. */
const NON_TEXT_ELEMENTS = new Set(['script', 'style', 'noscript', 'template']);

/** Attribute on nodes we inject into the page (glosses, markers): their text is not the article's. */
export const IGNORE_ATTRIBUTE = 'data-nea-ignore';

/** Whitespace-only text containing a line break: the indentation between tags in HTML source. */
const SOURCE_FORMATTING = /^[ \t\n\f\r]*[\n\r][ \t\n\f\r]*$/;

/** Whether an element's subtree is left out of the index. */
function isExcluded(el: Element, skip?: (el: Element) => boolean): boolean {
  return NON_TEXT_ELEMENTS.has(el.localName) || el.hasAttribute(IGNORE_ATTRIBUTE) || (skip?.(el) ?? false);
}

/**
 * Indexes the text under `root`: all Text nodes in document order except source-formatting whitespace (whitespace-only
 * nodes with a line break) and the subtrees of script/style/noscript/template, of `[data-nea-ignore]` elements and of
 * elements for which `skip` returns true. The root itself is always indexed.
 */
export function buildTextIndex(root: Element, skip?: (el: Element) => boolean): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const positions = new Map<Text, number>();
  const parts: string[] = [];
  let length = 0;
  const visit = (parent: Node): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (data.length === 0 || SOURCE_FORMATTING.test(data)) continue;
        positions.set(child as Text, nodes.length);
        nodes.push(child as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
      } else if (child.nodeType === Node.ELEMENT_NODE && !isExcluded(child as Element, skip)) {
        visit(child);
      }
    }
  };
  visit(root);
  return { root, text: parts.join(''), nodes, starts, positions };
}

/** Index of the last node that starts at or before `offset` (0 when none does). Binary search. */
function nodeAtOrBefore(index: TextIndex, offset: number): number {
  const { starts } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the last node that starts strictly before `offset` (0 when none does). Binary search. */
function nodeBefore(index: TextIndex, offset: number): number {
  return nodeAtOrBefore(index, offset - 1);
}

/**
 * Whether `node` lies at or after a DOM boundary point that is not inside an indexed Text node: the point just before
 * `next` (its container's child at the boundary offset), or, when there is no such child, the point after all of
 * `container`'s content.
 */
function isAtOrAfter(node: Node, container: Node, next: Node | null): boolean {
  if (next) return node === next || (next.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const position = container.compareDocumentPosition(node);
  return (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && (position & Node.DOCUMENT_POSITION_CONTAINED_BY) === 0;
}

/**
 * The text offset of a DOM boundary point (container, offset): where the indexed text stands at that point. A point
 * between or outside indexed nodes (in an element, in a skipped subtree, before or after the root) maps to the start
 * of the first indexed node after it, or to the text's end. Binary search over the nodes in document order.
 */
function boundaryToOffset(index: TextIndex, container: Node, offset: number): number {
  const { nodes, starts, text } = index;
  const i = index.positions.get(container as Text);
  if (i !== undefined) return starts[i] + Math.min(offset, nodes[i].length);
  const next = container.childNodes[offset] ?? null;
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrAfter(nodes[mid], container, next)) hi = mid;
    else lo = mid + 1;
  }
  return lo < nodes.length ? starts[lo] : text.length;
}

/**
 * The part of `range` that covers indexed text, as [start, end) offsets into `index.text`; null when the range holds
 * none of it. Boundaries may sit in Text nodes, between children of an element, in skipped subtrees or outside the
 * root: they are clipped to the indexed text. The index must be current (built after the last DOM change).
 */
export function rangeToOffsets(index: TextIndex, range: Range): { start: number; end: number } | null {
  if (index.nodes.length === 0 || range.startContainer.getRootNode() !== index.root.getRootNode()) return null;
  const start = boundaryToOffset(index, range.startContainer, range.startOffset);
  const end = boundaryToOffset(index, range.endContainer, range.endOffset);
  return start < end ? { start, end } : null;
}

/**
 * A DOM Range over [start, end) of `index.text` (clamped to the text). At a boundary between two nodes the start is
 * put at the beginning of the next node and the end at the end of the previous one, so the range touches only nodes
 * it covers text of. An empty span gives a collapsed range.
 */
export function offsetsToRange(index: TextIndex, start: number, end: number): Range {
  const { nodes, starts, text, root } = index;
  const range = root.ownerDocument.createRange();
  if (nodes.length === 0) {
    range.setStart(root, 0);
    return range;
  }
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const first = nodeAtOrBefore(index, s);
  range.setStart(nodes[first], s - starts[first]);
  if (e === s) return range;
  const last = nodeBefore(index, e);
  range.setEnd(nodes[last], e - starts[last]);
  return range;
}
