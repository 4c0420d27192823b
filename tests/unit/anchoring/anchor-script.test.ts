import { describe, expect, it } from 'vitest';
import { createAnchorer } from '../../../lib/core/anchoring/anchor';
import { describeSpan } from '../../../lib/core/anchoring/describe';
import type { AnnotationTarget } from '../../../lib/core/model/annotation';
import { tallyPlacements } from '../../../scripts/bench/judge';
import { createPrng } from '../../../scripts/bench/prng';
import { generateQuotes } from '../../../scripts/bench/quotes';
import { toSimplified } from '../../../scripts/bench/traditional-to-simplified';
import { seedArticleText } from './fixtures';

/** The seed copy is Traditional; NetEase serves the article in Simplified characters. */
const traditional = seedArticleText();
const simplified = toSimplified(traditional);

/** The stored target for the first occurrence of `quote` in `text`. */
function targetFor(text: string, quote: string): AnnotationTarget {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return describeSpan(text, start, start + quote.length)!;
}

/** `text` with [start, end) replaced by `by`. */
const splice = (text: string, start: number, end: number, by: string): string => text.slice(0, start) + by + text.slice(end);

const QUOTE = '獵鷹火箭第一次成功回收的時(shí)候';

/** Half of its characters are written differently in Simplified: beyond approximate matching's edit budget. */
const DENSE_QUOTE = '視頻編碼器的特殊分支邏輯';

describe('a highlight made on the Traditional copy, on the Simplified page', () => {
  it('is placed on the same words', () => {
    const target = targetFor(traditional, QUOTE);
    const { start, end } = target.selector[1];
    expect(simplified.slice(start, end)).toBe('猎鹰火箭第一次成功回收的时(shí)候');
    expect(createAnchorer(simplified).anchor(target)).toMatchObject({ start, end });
  });

  it('is placed when half of its characters are written differently, found once both are folded to one script', () => {
    const target = targetFor(traditional, DENSE_QUOTE);
    const { start, end } = target.selector[1];
    expect(simplified.slice(start, end)).toBe('视频编码器的特殊分支逻辑');
    expect(createAnchorer(simplified).anchor(target)).toEqual({ start, end, strategy: 'folded' });
  });

  it('is placed when short, where a few characters must match exactly', () => {
    const target = targetFor(traditional, '阿蘇');
    const { start, end } = target.selector[1];
    expect(simplified.slice(start, end)).toBe('阿苏');
    expect(createAnchorer(simplified).anchor(target)).toEqual({ start, end, strategy: 'folded' });
  });

  it('is placed for every one of 300 highlights, none on other words', () => {
    const quotes = generateQuotes(traditional, 300, createPrng(8));
    const anchorer = createAnchorer(simplified);
    const tally = tallyPlacements(
      quotes.map((q) => anchorer.anchor(q.target)),
      quotes.map((q) => q.span),
    );
    expect(tally).toEqual({ correct: 300, wrong: 0, orphaned: 0 });
  });

  it('is found after the article moved and its punctuation changed style, too', () => {
    const target = targetFor(traditional, DENSE_QUOTE);
    const restyled = '编者按。\n' + simplified.replaceAll(',', '，');
    const { start, end } = target.selector[1];
    expect(createAnchorer(restyled).anchor(target)).toEqual({ start: start + 5, end: end + 5, strategy: 'folded' });
  });

  it('is not placed when its words were really changed, only their script', () => {
    const target = targetFor(traditional, DENSE_QUOTE);
    const { start, end } = target.selector[1];
    const rewritten = splice(simplified, start, end, '今天天气很好我们一起去公园'.slice(0, end - start));
    expect(createAnchorer(rewritten).anchor(target)).toBeNull();
    // One character of a short quote changed: other words, though 阿 and the context stayed.
    const short = targetFor(traditional, '阿蘇');
    const { start: at } = short.selector[1];
    const other = splice(simplified, at, at + 2, '阿姨');
    expect(createAnchorer(other).anchor(short)).not.toMatchObject({ start: at, end: at + 2 });
  });
});

describe('a highlight made on a Simplified page, on the Traditional copy', () => {
  it('is placed on the same words', () => {
    const target = targetFor(simplified, '视频编码器的特殊分支逻辑');
    const { start, end } = target.selector[1];
    expect(createAnchorer(traditional).anchor(target)).toEqual({ start, end, strategy: 'folded' });
  });
});

describe('folding is a fallback', () => {
  it('is not needed where the quote stands as stored', () => {
    const target = targetFor(traditional, QUOTE);
    expect(createAnchorer(traditional).anchor(target)).toMatchObject({ strategy: 'position' });
  });
});
