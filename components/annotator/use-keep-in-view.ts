import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** Space kept between a floating control and the window's side. */
const MARGIN = 8;

/**
 * Keeps the floating control in `ref` inside the window's width: placed at a selection near the right edge (as on a
 * phone), it shifts left until it fits, and never past the left edge. Checked after every render, before paint.
 */
export function useKeepInView(ref: RefObject<HTMLElement>): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.style.translate = '';
    const rect = element.getBoundingClientRect();
    const right = element.ownerDocument.documentElement.clientWidth - MARGIN;
    const shift = Math.max(MARGIN - rect.left, Math.min(0, right - rect.right));
    if (shift !== 0) element.style.translate = `${shift}px 0`;
  });
}
