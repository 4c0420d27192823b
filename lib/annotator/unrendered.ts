/**
 * Text the page does not show. A page script can hide text with its own CSS inside the article (or the reader's
 * selection) to slip it into a saved quote; the annotator leaves such text out of the article text it quotes from.
 */

/**
 * Whether `el` is not shown: not rendered (`display: none`, a closed `<details>`), `visibility: hidden` or fully
 * transparent, by the platform's own `checkVisibility`. Where the platform lacks it (older engines, test DOMs),
 * everything counts as shown, as before.
 */
export const isUnrendered = (el: Element): boolean =>
  typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
