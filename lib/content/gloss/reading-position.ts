/**
 * Keeps the reader's place while the article's layout changes under them (the gloss roughly doubles line heights):
 * the part of the article at the top of the window is at the top again afterwards.
 */

/** Runs `change`, then scrolls so the article block at the top of the window shows the same part of it there. */
export function keepReadingPosition(root: Element, change: () => void): void {
  const win = root.ownerDocument.defaultView;
  const anchor = [...root.children].find((child) => child.getBoundingClientRect().bottom > 0);
  if (!win || !anchor) return change();
  const before = anchor.getBoundingClientRect();
  // How far down the block the window's top edge is, as a fraction of its height (0 when the block starts below it).
  const fraction = before.top < 0 && before.height > 0 ? -before.top / before.height : 0;
  change();
  if (!anchor.isConnected) return;
  const after = anchor.getBoundingClientRect();
  const wantedTop = before.top < 0 ? -fraction * after.height : before.top;
  if (Math.abs(after.top - wantedTop) >= 1) win.scrollBy(0, after.top - wantedTop);
}
