/**
 * The order in which article text is glossed. Laying out a glossed word costs the browser far more than plain text
 * (three lines of text in a box of its own), so glossing a whole article in one frame would take hundreds of
 * milliseconds: the text on screen is glossed at once, and the rest a few hundred words per frame, nearest first.
 */

/** Text on screen or within this many window heights of it is glossed at once. */
const NEAR_MARGIN = 0.5;

/**
 * Splits `nodes` into those whose element is on or near the screen and the rest, the rest ordered by distance from
 * the screen. Reads one bounding box per distinct parent element (the layout is current, so that is cheap).
 */
export function nearScreenFirst(nodes: readonly Text[], win: Window): { near: Text[]; rest: Text[] } {
  const height = win.innerHeight;
  const margin = height * NEAR_MARGIN;
  const distances = new Map<Element | null, number>();
  const distanceOf = (node: Text): number => {
    const parent = node.parentElement;
    let distance = distances.get(parent);
    if (distance === undefined) {
      const box = parent?.getBoundingClientRect();
      distance = !box ? Infinity : box.top > height ? box.top - height : box.bottom < 0 ? -box.bottom : 0;
      distances.set(parent, distance);
    }
    return distance;
  };
  const near: Text[] = [];
  const rest: Text[] = [];
  for (const node of nodes) (distanceOf(node) <= margin ? near : rest).push(node);
  rest.sort((a, b) => distanceOf(a) - distanceOf(b));
  return { near, rest };
}
