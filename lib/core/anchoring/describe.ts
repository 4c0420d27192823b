/**
 * Turning a reader's selection into the stored description of where it is: a quote with its context and a position,
 * both over the indexed article text (see `text-index.ts`).
 */
import { QUOTE_CONTEXT_LENGTH, SELECTOR_VERSION, type AnnotationTarget } from '../model/annotation';
import { isHighSurrogate, isLowSurrogate, surrogatePairCount } from './surrogates';
import { rangeToOffsets, type TextIndex } from './text-index';

const WHITESPACE = /\s/;

/**
 * Describes [start, end) of `text`: leading and trailing whitespace trimmed off, then the quote with up to
 * QUOTE_CONTEXT_LENGTH characters of prefix and suffix (never cutting a surrogate pair, so the stored strings stay
 * valid Unicode), and the position, with how many surrogate pairs precede it (for the W3C export's code points). Null
 * when the span holds no non-whitespace character.
 */
export function describeSpan(text: string, start: number, end: number): AnnotationTarget | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && WHITESPACE.test(text[s])) s++;
  while (e > s && WHITESPACE.test(text[e - 1])) e--;
  if (s >= e) return null;
  let prefixStart = Math.max(0, s - QUOTE_CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, e + QUOTE_CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return {
    version: SELECTOR_VERSION,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(s, e),
        prefix: text.slice(prefixStart, s),
        suffix: text.slice(e, suffixEnd),
      },
      { type: 'TextPositionSelector', start: s, end: e },
    ],
    astralBefore: surrogatePairCount(text, 0, s),
  };
}

/**
 * Describes the part of a DOM selection that lies in the indexed article text (a selection may start or end outside
 * the article body; only its article part is kept). Null when that part holds no non-whitespace article text.
 */
export function describeRange(index: TextIndex, range: Range): AnnotationTarget | null {
  const offsets = rangeToOffsets(index, range);
  return offsets && describeSpan(index.text, offsets.start, offsets.end);
}
