/**
 * Draws highlights with the CSS Custom Highlight API: one `Highlight` per colour, no element wrapped around page text,
 * so the page's own scripts and layout never see a change. Knows nothing of storage: it is given ranges to paint.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../core/model/annotation';
import { FLASH_HIGHLIGHT, highlightName, installHighlightStyles } from '../../core/model/highlight-styles';

/** A highlight ready to paint: which annotation, which colour, which text. */
export interface PaintedHighlight {
  id: string;
  color: HighlightColor;
  range: Range;
}

/** Paints, repaints and hit-tests the highlights of one article. */
export class HighlightPainter {
  private items: PaintedHighlight[] = [];
  private readonly removeStyles: () => void;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: Document) {
    this.removeStyles = installHighlightStyles(doc);
  }

  /** Replaces everything painted with `items`. Later items of the same colour simply add ranges. */
  paint(items: PaintedHighlight[]): void {
    this.items = items;
    for (const color of HIGHLIGHT_COLORS) {
      const ranges = items.filter((item) => item.color === color).map((item) => item.range);
      if (ranges.length) CSS.highlights.set(highlightName(color), new Highlight(...ranges));
      else CSS.highlights.delete(highlightName(color));
    }
  }

  /** The ids of the highlights under a viewport point, shortest (innermost) first. */
  hitTest(x: number, y: number): string[] {
    const hits = this.items.filter((item) => rangeContainsPoint(item.range, x, y));
    return hits.sort((a, b) => a.range.toString().length - b.range.toString().length).map((item) => item.id);
  }

  /** The range painted for an annotation, if it is on the page. */
  rangeOf(id: string): Range | undefined {
    return this.items.find((item) => item.id === id)?.range;
  }

  /** Briefly marks a range so the eye finds it after a jump. */
  flash(range: Range, ms = 1600): void {
    clearTimeout(this.flashTimer);
    CSS.highlights.set(FLASH_HIGHLIGHT, new Highlight(range));
    this.flashTimer = setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), ms);
  }

  /** Removes every highlight and the page stylesheet. */
  destroy(): void {
    clearTimeout(this.flashTimer);
    for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(highlightName(color));
    CSS.highlights.delete(FLASH_HIGHLIGHT);
    this.items = [];
    this.removeStyles();
  }
}

function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
