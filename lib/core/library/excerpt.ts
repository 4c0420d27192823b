/**
 * A window of a long text that shows its first search match: rows in the library show a few lines of each quote and
 * note, and a match further in would otherwise be cut off where the reader cannot see it.
 */
import type { Span } from './search';

/** Part of a text, with the match spans moved to its offsets and whether text was cut before or after it. */
export interface Excerpt {
  text: string;
  spans: Span[];
  cutBefore: boolean;
  cutAfter: boolean;
}

/** How much text to keep before the first match when the window has to start later than the text. */
const LEAD = 24;

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * At most `maxLength` characters of `text`: from the start when the first match falls inside that, otherwise
 * starting a little before the first match. Spans are clipped to the window.
 */
export function excerpt(text: string, spans: readonly Span[], maxLength: number): Excerpt {
  const first = spans[0];
  let start = first && first.end > maxLength ? Math.max(0, Math.min(first.start - LEAD, text.length - maxLength)) : 0;
  let end = Math.min(text.length, start + maxLength);
  // Never cut a character outside the BMP (a surrogate pair) in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  return {
    text: text.slice(start, end),
    spans: spans
      .filter((s) => s.end > start && s.start < end)
      .map((s) => ({ start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start })),
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}
