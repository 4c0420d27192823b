/**
 * The article's highlights on the page: which annotations there are, where each one anchors in the article's text,
 * and their paint. Follows the page as it changes the article (re-anchoring when the text or its nodes changed,
 * finding the body again when the page replaced it). Knows nothing of storage or of the UI: the controller hands it
 * annotations and reads ranges back.
 */
import { buildTextIndex, offsetsToRange, type TextIndex } from '../../core/anchoring/text-index';
import { createAnchorer } from '../../core/anchoring/anchor';
import { provideFoldPairs } from '../../core/anchoring/script-fold';
import { positionOf, type Annotation, type AnnotationTarget } from '../../core/model/annotation';
import { isNonArticleElement } from '../../core/netease/non-article-content';
import type { FoundArticle } from '../../core/netease/find-article';
import type { CallBackground } from '../../extension/messaging/client';
import { isUnrendered } from '../shell/unrendered';
import { watchArticle } from '../shell/watch-article';
import { HighlightPainter } from './highlight-painter';

/**
 * What the annotator does not count as article text: ads and widgets inside the body, and text the page does not
 * show (hidden by its CSS), which a reader cannot have meant to quote.
 */
const isNotArticleText = (el: Element): boolean => isNonArticleElement(el) || isUnrendered(el);

/** What the highlights need from their surroundings. */
export interface ArticleHighlightsDeps {
  doc: Document;
  article: FoundArticle;
  call: CallBackground;
  /** Finds the article again after the page replaced its body element. */
  relocate: () => FoundArticle | null;
  /** Called after every repaint (note markers follow the paint). */
  painted: () => void;
}

/** Starts tracking the article's highlights; `destroy` stops watching the page and removes the paint. */
export function createArticleHighlights({ doc, article, call, relocate, painted }: ArticleHighlightsDeps) {
  const painter = new HighlightPainter(doc);
  const annotations = new Map<string, Annotation>();
  const ranges = new Map<string, Range>();
  let root = article.root;
  let index: TextIndex = buildTextIndex(root, isNotArticleText);
  /** Asked once, when a quote first calls for script folding: the pairs stay with the background until then. */
  let foldPairs: Promise<void> | null = null;

  /** Where `target` anchors in the article now, or null (an orphan). */
  const anchorOf = (target: AnnotationTarget, anchorer = createAnchorer(index.text)): Range | null => {
    const found = anchorer.anchor(target);
    if (anchorer.wantedFold && !foldPairs) {
      foldPairs = call('anchoring/fold-pairs', {}).then((result) => {
        if (!result.ok) return;
        provideFoldPairs(result.value);
        reanchor();
      });
    }
    return found && offsetsToRange(index, found.start, found.end);
  };

  const anchorAll = () => {
    const anchorer = createAnchorer(index.text);
    ranges.clear();
    for (const annotation of annotations.values()) {
      const range = anchorOf(annotation.target, anchorer);
      if (range) ranges.set(annotation.id, range);
    }
  };

  const repaint = () => {
    const ordered = [...annotations.values()].sort((a, b) => positionOf(a).start - positionOf(b).start);
    painter.paint(ordered.filter((a) => ranges.has(a.id)).map((a) => ({ id: a.id, color: a.color, range: ranges.get(a.id)! })));
    painted();
  };

  /** Re-reads the article text and re-anchors, unless the page's change left the text and its nodes as they were. */
  const reanchor = () => {
    const started = performance.now();
    const next = buildTextIndex(root, isNotArticleText);
    if (next.text === index.text && next.nodes.every((node, i) => node === index.nodes[i])) return;
    index = next;
    anchorAll();
    repaint();
    performance.measure('nea:reanchor', { start: started, detail: { count: annotations.size } });
  };

  const onArticleChanged = () => {
    if (!root.isConnected) {
      const found = relocate();
      stopWatching();
      if (!found || found.meta.id !== article.meta.id) {
        ranges.clear();
        repaint();
        return;
      }
      root = found.root;
      stopWatching = watchArticle(root, onArticleChanged);
    }
    reanchor();
  };
  let stopWatching = watchArticle(root, onArticleChanged);

  return {
    /** The annotations of the article, by id (anchored or not). */
    annotations: annotations as ReadonlyMap<string, Annotation>,
    /** The article's text and its nodes, as last read. */
    index: (): TextIndex => index,
    /** Where annotation `id` sits on the page; undefined when it is not here (an orphan, or unknown). */
    rangeOf: (id: string): Range | undefined => ranges.get(id),
    /** Replaces all annotations (the article's stored list), anchors and paints them. */
    replaceAll(list: readonly Annotation[]) {
      annotations.clear();
      for (const a of list) annotations.set(a.id, a);
      anchorAll();
      repaint();
    },
    /**
     * Stores `annotation` and repaints. `range` is where it was just made (the reader's selection); without one a
     * known annotation keeps its range, a restored one is anchored anew, and else its stored position is used.
     */
    set(annotation: Annotation, range?: Range, { anchor = false } = {}) {
      annotations.set(annotation.id, annotation);
      const found = range ?? (anchor ? anchorOf(annotation.target) : null);
      if (found) ranges.set(annotation.id, found);
      else if (!ranges.has(annotation.id)) {
        const position = positionOf(annotation);
        ranges.set(annotation.id, offsetsToRange(index, position.start, position.end));
      }
      repaint();
    },
    /** Forgets annotation `id` and its paint. */
    remove(id: string) {
      annotations.delete(id);
      ranges.delete(id);
      repaint();
    },
    reanchor,
    /** The article body as tracked; found again only if the page replaced it meanwhile. */
    root: (): Element | null => (root.isConnected ? root : (relocate()?.root ?? null)),
    /** The paint: what lies under a point, and a flash to guide the eye. */
    painter: painter as Pick<HighlightPainter, 'hitTest' | 'flash'>,
    destroy() {
      stopWatching();
      painter.destroy();
    },
  };
}
