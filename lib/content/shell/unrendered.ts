/**
 * Text the page does not show. A page script can hide text with its own CSS inside the article (or the reader's
 * selection) to slip it into a saved quote; the annotator leaves such text out of the article text it quotes from.
 */

/**
 * Whether `el` is not shown: not rendered (`display: none`, a closed `<details>`), `visibility: hidden` or fully
 * transparent, by the platform's own `checkVisibility`. An element with `display: contents` has no box of its own
 * but shows its children (the gloss wraps words so): it counts as shown, and its children are judged one by one.
 * Where the platform lacks `checkVisibility` (older engines, test DOMs), everything counts as shown, as before.
 */
export function isUnrendered(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
    return false;
  }
  return el.ownerDocument.defaultView?.getComputedStyle(el).display !== 'contents';
}
