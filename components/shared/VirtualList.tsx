import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  items: readonly T[];
  /** Every row's height in CSS pixels: fixed, so a row's place is known without measuring. */
  rowHeight: number;
  /** Accessible name of the list. */
  label: string;
  itemKey: (item: T) => string;
  renderRow: (item: T) => ComponentChildren;
  /** When this changes (a new search or filter), the list scrolls back to the top. */
  resetKey: unknown;
}

/** Rows drawn beyond the visible ones on each side, so fast scrolling and Tab find them already there. */
const OVERSCAN = 6;

/**
 * A windowed list: only the rows in view (and a few around them) are in the DOM, so ten thousand rows scroll as
 * smoothly as ten. Each row keeps its position in the whole list for assistive technology (`aria-setsize/posinset`).
 */
export function VirtualList<T>({ items, rowHeight, label, itemKey, renderRow, resetKey }: Props<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const element = viewport.current!;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    viewport.current!.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);

  return (
    <div class="virtual-list" ref={viewport} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul aria-label={label} class="virtual-list-rows" style={{ height: `${items.length * rowHeight}px` }}>
        {items.slice(first, last).map((item, i) => (
          <li
            key={itemKey(item)}
            class="virtual-list-row"
            aria-setsize={items.length}
            aria-posinset={first + i + 1}
            style={{ top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }}
          >
            {renderRow(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}
