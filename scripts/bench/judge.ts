/**
 * How a re-anchoring result is judged, the same way for every implementation.
 */

/** A placement in the article text, in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** The verdict on one placement. */
export type Verdict = 'correct' | 'wrong' | 'orphaned';

/** Start and end may each be this many characters off the true span and still count as correct. */
export const SPAN_TOLERANCE = 2;

/** `correct`: both ends within SPAN_TOLERANCE of the truth; `wrong`: placed, but not so; `orphaned`: not placed. */
export function judgePlacement(placed: Span | null, truth: Span): Verdict {
  if (!placed) return 'orphaned';
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= SPAN_TOLERANCE;
  return near(placed.start, truth.start) && near(placed.end, truth.end) ? 'correct' : 'wrong';
}

/** Verdict counts over a set of placements. */
export type Tally = Record<Verdict, number>;

/** Counts the verdicts for placements against their true spans (same order). */
export function tallyPlacements(placed: readonly (Span | null)[], truths: readonly Span[]): Tally {
  const tally: Tally = { correct: 0, wrong: 0, orphaned: 0 };
  placed.forEach((p, i) => tally[judgePlacement(p, truths[i])]++);
  return tally;
}
