/**
 * Judging placements on the edit corpus: against the true span as everywhere in the benchmark (`judge.ts`) — any of
 * them when a split left two — and for a highlight whose words are gone, any placement is wrong.
 */
import type { Truth } from './edit-corpus-text';
import { judgePlacement, type Span } from './judge';

/** Verdict counts on one edited version (or several together). */
export interface CorpusTally {
  highlights: number;
  /** Highlights whose words still exist in the edited text. */
  surviving: number;
  /** Surviving highlights placed on their words. */
  correct: number;
  /** Placements on other words: a surviving highlight elsewhere, or a gone one anywhere. */
  wrong: number;
  /** Not placed: the right answer for a gone highlight. */
  orphaned: number;
}

/** Counts the verdicts for `placed` against `truths` (same order). */
export function tallyCorpus(placed: readonly (Span | null)[], truths: readonly Truth[]): CorpusTally {
  const tally: CorpusTally = { highlights: truths.length, surviving: 0, correct: 0, wrong: 0, orphaned: 0 };
  truths.forEach((spans, i) => {
    const verdicts = spans.map((span) => judgePlacement(placed[i], span));
    if (spans.length > 0) tally.surviving++;
    if (verdicts.includes('correct')) tally.correct++;
    else tally[placed[i] ? 'wrong' : 'orphaned']++;
  });
  return tally;
}

/** The sum of several tallies. */
export function addTallies(tallies: readonly CorpusTally[]): CorpusTally {
  const sum: CorpusTally = { highlights: 0, surviving: 0, correct: 0, wrong: 0, orphaned: 0 };
  for (const t of tallies) for (const key of Object.keys(sum) as (keyof CorpusTally)[]) sum[key] += t[key];
  return sum;
}
