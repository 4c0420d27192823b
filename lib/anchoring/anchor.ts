/**
 * Finding stored annotations again in an article's current text.
 *
 * One `Anchorer` is built per article text and reused for every annotation on it, so the k-gram index it builds on
 * first need (only when some quote is not at its stored position) is shared by all of them.
 */
import type { AnnotationTarget } from '../model/annotation';
import { buildKGramIndex, type KGramIndex } from './kgram-index';
import { approximateCandidates, exactOccurrences } from './match-quote';
import { choosePlacement, scoreCandidate, type ScoredCandidate } from './placement';

/** Which step found the annotation: its stored position, an exact occurrence of its quote, or approximate matching. */
export type AnchorStrategy = 'position' | 'quote' | 'fuzzy';

/** Where an annotation is in the text now: [start, end) in UTF-16 offsets. */
export interface Placement {
  start: number;
  end: number;
  strategy: AnchorStrategy;
}

/** Re-finds annotations in one article text. */
export interface Anchorer {
  readonly text: string;
  /**
   * Where the target's quote is now, or null (an orphan) when no believable place exists or two places are equally
   * likely. Tries, in order: the stored position (taken when the quote is there and its context confirmed), the
   * exact quote (every occurrence, chosen by context and closeness to the stored position; taken at once when its
   * context is confirmed), then approximate matching, whose places compete on score with the exact occurrences.
   */
  anchor(target: AnnotationTarget): Placement | null;
}

/** The placement of the chosen candidate, if any, labelled with the step that found it. */
const placed = (c: ScoredCandidate | null, strategy: AnchorStrategy): Placement | null =>
  c && { start: c.start, end: c.end, strategy };

/** An anchorer for `text` (the `TextIndex.text` of the article as it is now). */
export function createAnchorer(text: string): Anchorer {
  let grams: KGramIndex | null = null;
  const kgrams = (): KGramIndex => (grams ??= buildKGramIndex(text));

  const anchor = (target: AnnotationTarget): Placement | null => {
    const [quote, position] = target.selector;
    const { exact } = quote;
    const length = exact.length;
    if (length === 0) return null;
    const expected = Math.max(0, Math.min(position.start, text.length)) || 0;

    // The exact quote with its context confirmed on both sides settles it: first at the stored position, then anywhere.
    if (text.startsWith(exact, expected)) {
      const atPosition = scoreCandidate(text, quote, expected, expected, expected + length, 0);
      if (atPosition.contextConfirms) return placed(atPosition, 'position');
    }
    const exactCandidates = exactOccurrences(text, kgrams(), exact).map((start) =>
      scoreCandidate(text, quote, expected, start, start + length, 0),
    );
    const bestExact = choosePlacement(exactCandidates);
    if (bestExact?.contextConfirms) return placed(bestExact, 'quote');

    // Otherwise the text around was edited, or the quote's own place was while the same words stand elsewhere
    // (repeated phrases, a subheading quoting the body): exact and approximate places compete on score.
    const fuzzyCandidates = approximateCandidates(text, kgrams(), quote, expected).map((c) =>
      scoreCandidate(text, quote, expected, c.start, c.end, c.errors),
    );
    const best = choosePlacement([...exactCandidates, ...fuzzyCandidates]);
    return placed(best, best?.errors === 0 ? 'quote' : 'fuzzy');
  };

  return { text, anchor };
}
