/**
 * The English under a word has the width of a few characters to live in: dictionary glosses are cut down to their
 * core (`to be (followed by substantives only)` → `to be`; `Elon Musk (1971–), entrepreneur, CEO of …` →
 * `Elon Musk`), and what is still long ends in an ellipsis.
 */

/** Parenthesised asides with the space before them. */
const ASIDES_RE = /\s*\([^()]*\)/g;

/** Longest English shown, in characters (the ellipsis included). */
export const MAX_INTERLINEAR_LENGTH = 18;

/** The part of a short dictionary gloss worth showing under a word. */
export function interlinearGloss(gloss: string): string {
  const bare = gloss.replace(ASIDES_RE, '').trim();
  // A gloss that is all aside, such as `(completed action marker)`, keeps its words without the brackets.
  const [core] = (bare || gloss.replace(/[()]/g, '').trim()).split(', ');
  if (core.length <= MAX_INTERLINEAR_LENGTH) return core;
  // Cut at the last word boundary that leaves room for the ellipsis, or inside the word when there is none.
  const room = core.slice(0, MAX_INTERLINEAR_LENGTH);
  const space = room.lastIndexOf(' ');
  return `${space > 0 ? room.slice(0, space) : room.slice(0, MAX_INTERLINEAR_LENGTH - 1)}…`;
}
