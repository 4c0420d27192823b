/**
 * Whether a proposed place for a stored quote is believable, and how good it is.
 *
 * A highlight on the wrong words is worse than an orphan (hypothesis/client#258), so every placement must pass a
 * minimum: the quote may differ from the text there by a bounded fraction of its length (short quotes not at all),
 * and the surroundings must agree with the stored prefix or suffix on at least one side. Among believable places the
 * score weighs quote, prefix, suffix and closeness to the stored position; two equally good places are a tie, and a
 * tie is an orphan rather than a coin toss. And where the context alone still finds the annotation's place but its
 * words there changed, the same words elsewhere are another passage: an orphan too.
 *
 * Words cut from or inserted into a highlight are not words changed: where the context confirms the place (on one
 * side at least), the quote may have lost up to half of its characters, or gained any number, as long as nothing of it
 * was rewritten.
 *
 * Other tools store less context than we do (Apache Annotator only as much as tells a quote's copies apart, often
 * none; Hypothesis 32 characters, as we do). A context is read as the tool that wrote it meant it:
 * - full length (as we write it): it agrees or it contradicts; a short one beside a full one was cut by the article's
 *   edge, and says something only near that edge;
 * - short on both sides (a minimal-context tool): it ranks the places (1 character is enough to tell copies apart) but
 *   never contradicts one — the text there may simply differ from what that tool read;
 * - empty: says nothing.
 * So an exact quote is placed wherever no context contradicts it: found once, it is placed whatever short context it
 * has; found several times, the context ranks the copies and the stored position breaks ties; and copies nothing tells
 * apart are an orphan.
 */
import { QUOTE_CONTEXT_LENGTH, type TextQuoteSelector } from '../model/annotation';
import { anchoredDistance, type Direction } from './edit-distance';

/** Quotes up to this many characters must match exactly: a few edited characters would make them other words. */
export const SHORT_QUOTE_LENGTH = 4;

/** Largest share of a quote's length that may be edited before it counts as different words. */
export const MAX_QUOTE_ERROR_RATE = 0.25;

/** A prefix or suffix agrees when at least this share of it is found (1 − edits/length) next to the placement. */
export const CONTEXT_AGREEMENT = 0.6;

/**
 * An exact quote whose prefix and suffix both agree at least this well is taken without weighing approximate places.
 * Lower agreement can come from the same words a few characters off inside a repeated passage.
 */
export const CONTEXT_CONFIRMATION = 0.8;

/**
 * A context's part in the quote's own paragraph (up to a line break) counts on its own when it holds more than this
 * many characters: paragraphs move, and the words across the break may then be another paragraph's.
 */
const MIN_PARAGRAPH_CONTEXT = 8;

/** How far (characters) from the article's edge a placement may be when its stored context stopped at that edge. */
const EDGE_SLACK = 2;

/** Score weights (the Hypothesis client's, which we keep comparable): quote, prefix, suffix, position. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** Scores closer than this are a tie. */
const TIE_EPSILON = 1e-9;

/**
 * A proposed place for a quote: [start, end) of the article text, and the quote's edit distance to that text.
 */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** A candidate after its surroundings were checked. */
export interface ScoredCandidate extends Candidate {
  /** How many sides (prefix, suffix) agree with the stored context: 0, 1 or 2. */
  agreeingSides: number;
  /** Both sides agree at CONTEXT_CONFIRMATION or better: enough to take this place without looking further. */
  contextConfirms: boolean;
  /**
   * Passed the minimum: quote close enough with context agreeing on at least one side, or, with context confirmed on
   * one, the quote with words cut (at most half of it) or inserted and nothing else changed.
   */
  believable: boolean;
  score: number;
}

/** The most edits a quote of `length` characters may have and still be placed. */
export function maxQuoteEdits(length: number): number {
  return length <= SHORT_QUOTE_LENGTH ? 0 : Math.max(1, Math.floor(length * MAX_QUOTE_ERROR_RATE));
}

/** What one side's stored context says about a placement. */
interface SideEvidence {
  /** 1 − edits/length of the stored context against the text beside the placement (0 when it says nothing). */
  similarity: number;
  /** The text beside the placement disagrees with a context that should be there. */
  contradicts: boolean;
}

/** A context this short was cut (by the article's edge, or by a tool that stores only a little of it). */
const isShortContext = (context: string): boolean => context.length < QUOTE_CONTEXT_LENGTH - 1;

/**
 * How well a stored prefix (`direction` −1, read leftwards from the placement's start) or suffix (+1, rightwards from
 * its end) matches the text beside a placement, `other` being the stored context on the other side (see the module
 * comment for how its length is read). A context cut at the article's edge scores 0 unless the placement is near
 * that edge too. And when the stored context reaches across a line break, its part in the quote's own paragraph
 * (more than MIN_PARAGRAPH_CONTEXT characters, line break included) found exactly scores 1: the paragraph beyond may
 * have moved; a shorter such part found exactly (the quote is its paragraph's start or end) does not contradict.
 */
function sideEvidence(stored: string, other: string, text: string, anchor: number, direction: Direction): SideEvidence {
  if (stored.length === 0) return { similarity: 0, contradicts: false };
  const { similarity, length } = similarityAt(stored, text, anchor, direction);
  if (isShortContext(stored) && isShortContext(other)) return { similarity, contradicts: false };
  const room = direction === 1 ? text.length - anchor : anchor;
  const cutAwayFromEdge = isShortContext(stored) && room - length > EDGE_SLACK;
  const whole = cutAwayFromEdge ? 0 : similarity;
  if (whole === 1) return { similarity: 1, contradicts: false };
  // The stored context up to its nearest line break, when the quote's own paragraph gave enough of it.
  const lineBreak = direction === 1 ? stored.indexOf('\n') : stored.lastIndexOf('\n');
  const ownParagraph = direction === 1 ? lineBreak + 1 : stored.length - lineBreak;
  const near = direction === 1 ? stored.slice(0, ownParagraph) : stored.slice(lineBreak);
  const nearFound = lineBreak >= 0 && (direction === 1 ? text.startsWith(near, anchor) : text.endsWith(near, anchor));
  if (nearFound && ownParagraph > MIN_PARAGRAPH_CONTEXT) return { similarity: 1, contradicts: false };
  return { similarity: whole, contradicts: whole < CONTEXT_AGREEMENT && !nearFound && !cutAwayFromEdge };
}

/** 1 − edits/length of `stored` read from `anchor` in `direction`, and how many text characters it covers. */
function similarityAt(
  stored: string,
  text: string,
  anchor: number,
  direction: Direction,
): { similarity: number; length: number } {
  if (direction === 1 ? text.startsWith(stored, anchor) : text.endsWith(stored, anchor)) {
    return { similarity: 1, length: stored.length };
  }
  const maxLength = stored.length + maxQuoteEdits(stored.length) + 1;
  const { errors, length } = anchoredDistance(stored, text, anchor, direction, maxLength);
  return { similarity: 1 - errors / stored.length, length };
}

/**
 * Checks the placement [start, end) with `errors` quote edits against its surroundings in `text`, and scores it;
 * `expectedStart` is the stored position, null when the target has none (then closeness counts for nothing). A
 * placement over the edit budget is never believable, but its context is still measured: see `choosePlacement`.
 */
export function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  expectedStart: number | null,
  start: number,
  end: number,
  errors: number,
): ScoredCandidate {
  const length = quote.exact.length;
  const before = sideEvidence(quote.prefix, quote.suffix, text, start, -1);
  const after = sideEvidence(quote.suffix, quote.prefix, text, end, 1);
  const prefix = before.similarity;
  const suffix = after.similarity;
  const distance = expectedStart === null ? 1 : Math.min(1, Math.abs(start - expectedStart) / Math.max(1, text.length));
  const score =
    WEIGHTS.quote * (1 - errors / length) + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * (1 - distance);
  const agreeingSides = Number(prefix >= CONTEXT_AGREEMENT) + Number(suffix >= CONTEXT_AGREEMENT);
  const budget = maxQuoteEdits(length);
  const span = end - start;
  const contextConfirms = prefix >= CONTEXT_CONFIRMATION && suffix >= CONTEXT_CONFIRMATION;
  const confirmedSide = prefix >= CONTEXT_CONFIRMATION || suffix >= CONTEXT_CONFIRMATION;
  // Words only cut (at most half of the quote) or only inserted: the edits are exactly the change of length.
  const cutOrInserted = errors === Math.abs(length - span) && 2 * Math.min(length, span) >= length;
  // Where no context contradicts it: the exact quote (found once, it is its place; several such places are ranked),
  // or the quote within its edit budget at its stored position.
  const uncontradicted = !before.contradicts && !after.contradicts;
  const exactHere = errors === 0 && span === length;
  const nearHere = errors <= budget && start === expectedStart;
  const believable =
    (errors <= budget && agreeingSides > 0) || (confirmedSide && cutOrInserted) || (uncontradicted && (exactHere || nearHere));
  return { start, end, errors, agreeingSides, contextConfirms, believable, score };
}

/**
 * The best believable candidate (a place whose context confirms both sides before any other, then by score); null
 * when there is none, when the two best (at different places) rank the same (nothing tells them apart, and guessing
 * could put the highlight on the wrong words), or when the best has context agreeing on one side only while another
 * place has it agreeing on both but the quote there was changed beyond the edit budget: that place is where the
 * annotation was, its words are gone, and the same words elsewhere (a repeated phrase, a subheading quoting the text)
 * are another passage.
 */
export function choosePlacement(candidates: readonly ScoredCandidate[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  let tied = false;
  for (const c of candidates) {
    if (!c.believable) continue;
    const lead = best ? Number(c.contextConfirms) - Number(best.contextConfirms) || c.score - best.score : 1;
    if (lead > TIE_EPSILON) {
      best = c;
      tied = false;
    } else if (lead >= -TIE_EPSILON && (c.start !== best!.start || c.end !== best!.end)) {
      tied = true;
    }
  }
  if (!best || tied) return null;
  const displaced = best.agreeingSides < 2 && candidates.some((c) => !c.believable && c.agreeingSides === 2);
  return displaced ? null : best;
}
