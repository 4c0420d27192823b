/**
 * Where the translation popover opens: under the selection, as the other floating controls do, unless the window
 * has too little room left below it and more above; then above the selection's first line. Either way the popover is
 * no taller than that room (it scrolls inside), so its words stay on the screen — unless the window is too small
 * to give it even `MIN_HEIGHT`.
 */
import type { PagePoint } from '../annotator/view-state';

/** Space kept between the selection and the popover, and between the popover and the window's edge. */
const GAP = 8;
/** Below this much room under the selection, the popover goes above it if there is more room there. */
const MIN_ROOM = 240;
/** The least height the popover is given, even where the window has less room: a title, a word and a button. */
const MIN_HEIGHT = 120;

/** The popover's corner (its top-left, or with `above` its bottom-left) and the height it may take. */
export interface PopoverPlacement {
  at: PagePoint;
  /** True when the popover stands above `at` (its bottom edge there). */
  above: boolean;
  /** Most pixels the popover may be tall. */
  room: number;
}

/**
 * Places the popover beside a selection whose last line starts at `left` and ends at `bottom` and whose first line
 * starts at `top` (page coordinates), in a window scrolled to `view.top` and `view.height` pixels tall.
 */
export function placeBeside(
  selection: { left: number; top: number; bottom: number },
  view: { top: number; height: number },
): PopoverPlacement {
  const below = view.top + view.height - selection.bottom - 2 * GAP;
  const above = selection.top - view.top - 2 * GAP;
  if (below < MIN_ROOM && above > below) {
    return { at: { x: selection.left, y: selection.top - GAP }, above: true, room: Math.max(above, MIN_HEIGHT) };
  }
  return { at: { x: selection.left, y: selection.bottom + GAP }, above: false, room: Math.max(below, MIN_HEIGHT) };
}
