import { describe, expect, it } from 'vitest';
import { surrogatePairCount } from '../../../lib/core/anchoring/surrogates';
import { codePointLength, toCodePointSpan, toUtf16Span } from '../../../lib/core/formats/export/code-points';

/** The code-point offset of UTF-16 offset `utf16` in `text`, counted the slow, obviously right way. */
const trueCodePoints = (text: string, utf16: number): number => Array.from(text.slice(0, utf16)).length;

describe('surrogatePairCount and codePointLength', () => {
  it.each([
    ['', 0, 0],
    ['国产大飞机', 0, 5],
    ['𠀀', 1, 1],
    ['😀👍🏽', 3, 3],
    ['字𠀀字😀字', 2, 5],
  ])('%j has %i pairs and %i code points', (text, pairs, codePoints) => {
    expect(surrogatePairCount(text)).toBe(pairs);
    expect(codePointLength(text)).toBe(codePoints);
    expect(codePointLength(text)).toBe(Array.from(text).length);
  });

  it('counts a lone surrogate as one character, as the string iterator does', () => {
    const lone = 'a\ud83db\ude00';
    expect(surrogatePairCount(lone)).toBe(0);
    expect(codePointLength(lone)).toBe(Array.from(lone).length);
  });
});

describe('toCodePointSpan', () => {
  const article = '开头😀文字𠀀，前文😀，𠀀字😀表情后文';

  /** The quote selector of `exact` at its first occurrence in `article`, with a prefix of `prefixLength` units. */
  const at = (exact: string, prefixLength: number) => {
    const start = article.indexOf(exact);
    return { quote: { exact, prefix: article.slice(start - prefixLength, start) }, start };
  };

  it('is exact when every character outside the BMP before the quote lies in its prefix', () => {
    const { quote, start } = at('𠀀字😀表情', 14);
    expect(quote.prefix).toBe(article.slice(0, start));
    const span = toCodePointSpan(quote, start);
    expect(span).toEqual({
      start: trueCodePoints(article, start),
      end: trueCodePoints(article, start + quote.exact.length),
    });
    expect(Array.from(article).slice(span.start, span.end).join('')).toBe(quote.exact);
  });

  it('counts the quote itself in code points: 𠀀 and 😀 are one character each', () => {
    expect(toCodePointSpan({ exact: '𠀀字😀', prefix: '' }, 0)).toEqual({ start: 0, end: 3 });
  });

  it('cannot see astral characters before the prefix: the start is then too high by their number', () => {
    const { quote, start } = at('𠀀字😀表情', 5);
    expect(quote.prefix).toBe('前文😀，');
    const exactStart = trueCodePoints(article, start);
    expect(toCodePointSpan(quote, start).start).toBe(exactStart + 2);
  });

  it('never goes below zero', () => {
    expect(toCodePointSpan({ exact: 'a', prefix: '😀😀' }, 1).start).toBe(0);
  });
});

describe('toUtf16Span', () => {
  it('is the inverse of toCodePointSpan', () => {
    const quote = { exact: '𠀀字😀表情', prefix: '前文😀，' };
    for (const start of [5, 40, 1234]) {
      const codePoints = toCodePointSpan(quote, start);
      expect(toUtf16Span(quote, codePoints.start)).toEqual({ start, end: start + quote.exact.length });
    }
  });

  it('ends the span after the quote in UTF-16 units', () => {
    expect(toUtf16Span({ exact: '😀😀', prefix: '' }, 7)).toEqual({ start: 7, end: 11 });
  });
});
