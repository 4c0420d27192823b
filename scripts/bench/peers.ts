/**
 * The two peer matchers of the re-anchoring benchmark, each used the way its best-known client uses it, behind the
 * same signature as ours: (article text, stored target) → placement or null. Written from the published descriptions
 * of those clients, not from their code.
 */
import search from 'approx-string-match';
import DiffMatchPatch from 'diff-match-patch';
import type { AnnotationTarget } from '../../lib/core/model/annotation';
import type { Span } from './judge';

/** A peer re-anchoring function: where the target's quote is in `text` now, or null. */
export type PeerAnchor = (text: string, target: AnnotationTarget) => Span | null;

/** 1 − errors/length of the closest approximate occurrence of `pattern` in `text` (Hypothesis' context score). */
function approxSimilarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const [closest] = search(text, pattern, pattern.length);
  return closest ? 1 - closest.errors / pattern.length : 0;
}

/**
 * Hypothesis-style: first the stored position if the text there equals the quote (as Hypothesis' HTML anchoring does
 * before matching), then `approx-string-match` over the whole text with maxErrors = min(256, ⌊quote/2⌋), every match
 * scored with weights quote 50 / prefix 20 / suffix 20 / position 2, best score wins; no minimum score.
 */
export const approxStringMatchAnchor: PeerAnchor = (text, target) => {
  const [quote, position] = target.selector;
  const { exact, prefix, suffix } = quote;
  if (text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end };
  const matches = search(text, exact, Math.min(256, Math.floor(exact.length / 2)));
  let best: Span | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / exact.length;
    const before = text.slice(Math.max(0, m.start - prefix.length), m.start);
    const prefixScore = prefix ? approxSimilarity(before, prefix) : 1;
    const suffixScore = suffix ? approxSimilarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const positionScore = 1 - Math.abs(m.start - position.start) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = { start: m.start, end: m.end };
    }
  }
  return best;
};

/** Bitap patterns are limited to the machine word: diff-match-patch's Match_MaxBits. */
const DMP_MAX_PATTERN = 32;

/**
 * Omnivore / dom-anchor style: `match_main(text, quote or its first 32 characters, stored start)` with the default
 * Match_Threshold 0.5 and Match_Distance 1000, then the quote's length from the match.
 */
export function createDiffMatchPatchAnchor(): PeerAnchor {
  const dmp = new DiffMatchPatch();
  return (text, target) => {
    const [quote, position] = target.selector;
    const pattern = quote.exact.slice(0, DMP_MAX_PATTERN);
    const expected = Math.max(0, Math.min(text.length, position.start));
    const start = dmp.match_main(text, pattern, expected);
    return start < 0 ? null : { start, end: Math.min(text.length, start + quote.exact.length) };
  };
}
