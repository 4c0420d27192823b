/**
 * The English under a word has the width of a few characters to live in: dictionary glosses are cut down to their
 * core (`to be (followed by substantives only)` → `to be`; `Elon Musk (1971–), entrepreneur, CEO of …` →
 * `Elon Musk`), a particle shows what it says (罷了 "that's all") or, when its description is long, that it is one
 * (了 "particle"), and what is still long ends in an ellipsis.
 */

/** Parenthesised asides with the space before them. */
const ASIDES_RE = /\s*\([^()]*\)/g;

/** Longest English shown, in characters (the ellipsis included). */
export const MAX_INTERLINEAR_LENGTH = 18;

/** A particle described by what it says: `a modal particle indicating (that's all, only, nothing much)`. */
const PARTICLE_MEANING_RE = /\bparticle indicating \(([^),]+)/;

/** A description of what a word does in the grammar rather than what it means. */
const GRAMMATICAL_RE = /\b(?:particle|marker)\b/;

/** What a grammatical word is called when its description does not fit: 了 "particle", not "completed action…". */
const GRAMMATICAL_WORD = 'particle';

/** The part of a short dictionary gloss worth showing under a word. */
export function interlinearGloss(gloss: string): string {
  const says = PARTICLE_MEANING_RE.exec(gloss)?.[1];
  if (says && says.length <= MAX_INTERLINEAR_LENGTH) return says;
  const bare = gloss.replace(ASIDES_RE, '').trim();
  // A gloss that is all aside, such as `(completed action marker)`, keeps its words without the brackets.
  const [core] = (bare || gloss.replace(/[()]/g, '').trim()).split(', ');
  if (core.length <= MAX_INTERLINEAR_LENGTH) return core;
  if (GRAMMATICAL_RE.test(core)) return GRAMMATICAL_WORD;
  // Cut at the last word boundary that leaves room for the ellipsis, or inside the word when there is none.
  const room = core.slice(0, MAX_INTERLINEAR_LENGTH);
  const space = room.lastIndexOf(' ');
  return `${space > 0 ? room.slice(0, space) : room.slice(0, MAX_INTERLINEAR_LENGTH - 1)}…`;
}
