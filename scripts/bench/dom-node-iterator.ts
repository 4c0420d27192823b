/**
 * A NodeIterator as the DOM standard defines it (https://dom.spec.whatwg.org/#interface-nodeiterator), for happy-dom
 * documents: happy-dom 21's iterator has no `referenceNode` or `pointerBeforeReferenceNode`, which
 * @apache-annotator/dom walks text with. Only traversal is implemented; nodes removed during a walk are not tracked.
 */

/** The filter argument of `createNodeIterator`. */
type Filter = NodeFilter | ((node: Node) => number) | null;

/** Bit of `whatToShow` for a node type (NodeFilter.SHOW_ELEMENT = 1 << (ELEMENT_NODE − 1), …). */
const shows = (whatToShow: number, node: Node): boolean => (whatToShow & (1 << (node.nodeType - 1))) !== 0;

/** Standard NodeIterator traversal over `root`'s subtree in document order. */
export class StandardNodeIterator {
  referenceNode: Node;
  pointerBeforeReferenceNode = true;

  constructor(
    readonly root: Node,
    readonly whatToShow = 0xffffffff,
    readonly filter: Filter = null,
  ) {
    this.referenceNode = root;
  }

  nextNode(): Node | null {
    return this.traverse(true);
  }

  previousNode(): Node | null {
    return this.traverse(false);
  }

  /** The node after `node` in document order within the root, or null. */
  private following(node: Node): Node | null {
    if (node.firstChild) return node.firstChild;
    for (let at: Node | null = node; at && at !== this.root; at = at.parentNode) {
      if (at.nextSibling) return at.nextSibling;
    }
    return null;
  }

  /** The node before `node` in document order within the root, or null. */
  private preceding(node: Node): Node | null {
    if (node === this.root) return null;
    let at = node.previousSibling;
    if (!at) return node.parentNode;
    while (at.lastChild) at = at.lastChild;
    return at;
  }

  private accepts(node: Node): boolean {
    if (!shows(this.whatToShow, node)) return false;
    if (!this.filter) return true;
    const verdict = typeof this.filter === 'function' ? this.filter(node) : this.filter.acceptNode(node);
    return verdict === NodeFilter.FILTER_ACCEPT;
  }

  /** The standard's "traverse" algorithm. */
  private traverse(next: boolean): Node | null {
    let node: Node | null = this.referenceNode;
    let beforeNode = this.pointerBeforeReferenceNode;
    for (;;) {
      if (next) {
        if (!beforeNode) node = this.following(node);
        else beforeNode = false;
      } else {
        if (beforeNode) node = this.preceding(node);
        else beforeNode = true;
      }
      if (!node) return null;
      if (this.accepts(node)) break;
    }
    this.referenceNode = node;
    this.pointerBeforeReferenceNode = beforeNode;
    return node;
  }
}
