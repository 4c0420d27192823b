/**
 * Converting text positions between UTF-16 code units (what we store: JavaScript string offsets) and Unicode code
 * points (what the W3C `TextPositionSelector` counts). They differ by one for every character outside the Basic
 * Multilingual Plane (CJK Extension B such as 𠀀, most emoji), which UTF-16 writes as a surrogate pair.
 *
 * Targets described since `astralBefore` was added carry the number of such characters before the quote, so their
 * code-point position is exact. For older records the article text itself is not stored, so that number is known
 * only as far as the stored context reaches: the prefix (QUOTE_CONTEXT_LENGTH characters). Both directions count the prefix's pairs, so
 * an export followed by an import gives back the stored UTF-16 position exactly, and the code-point position is
 * exact whenever no character outside the BMP precedes the prefix in the article. Offsets inside the quote (its
 * length) are always exact.
 */
import type { TextQuoteSelector } from '../../model/annotation';
import { surrogatePairCount } from '../../anchoring/surrogates';

/** A [start, end) range of text positions. */
export interface Span {
  start: number;
  end: number;
}

/** The quote text a conversion needs: the highlighted text and what precedes it. */
export type QuoteText = Pick<TextQuoteSelector, 'exact' | 'prefix'>;

/** Length of `text` in code points (what the W3C model calls characters). */
export const codePointLength = (text: string): number => text.length - surrogatePairCount(text);

/**
 * The stored UTF-16 start of `quote`, as a code-point span: exact when the surrogate pairs before it were counted
 * when it was described (`astralBefore`), else as the module comment says.
 */
export function toCodePointSpan(quote: QuoteText, utf16Start: number, astralBefore?: number): Span {
  const start = Math.max(0, utf16Start - (astralBefore ?? surrogatePairCount(quote.prefix)));
  return { start, end: start + codePointLength(quote.exact) };
}

/** The UTF-16 span of `quote` starting at code point `codePointStart`: the inverse of `toCodePointSpan`. */
export function toUtf16Span(quote: QuoteText, codePointStart: number): Span {
  const start = codePointStart + surrogatePairCount(quote.prefix);
  return { start, end: start + quote.exact.length };
}
