/**
 * Deterministic benchmark quotes: random spans of an article described the way the extension stores them.
 */
import { describeSpan } from '../../lib/core/anchoring/describe';
import type { AnnotationTarget } from '../../lib/core/model/annotation';
import type { Span } from './judge';
import type { Prng } from './prng';

/** A stored target and the span it was made from. */
export interface BenchQuote {
  target: AnnotationTarget;
  span: Span;
}

/** Shortest and longest generated quote, in UTF-16 code units. */
export const QUOTE_LENGTH_RANGE = { min: 5, max: 80 } as const;

/**
 * `count` random spans of `text`, 5–80 characters, starting and ending on non-whitespace (so describing them keeps
 * the span as drawn), described with prefix, suffix and position.
 */
export function generateQuotes(text: string, count: number, prng: Prng): BenchQuote[] {
  const quotes: BenchQuote[] = [];
  while (quotes.length < count) {
    const length = prng.int(QUOTE_LENGTH_RANGE.min, QUOTE_LENGTH_RANGE.max);
    const start = prng.int(0, text.length - length);
    const end = start + length;
    if (/\s/.test(text[start]) || /\s/.test(text[end - 1])) continue;
    const target = describeSpan(text, start, end);
    if (target) quotes.push({ target, span: { start, end } });
  }
  return quotes;
}
