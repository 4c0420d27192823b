/**
 * Anchoring targets as other tools write them: little or no context, a quote without a position, a position
 * without a quote, an empty quote; and a heading whose neighbouring paragraphs moved.
 */
import { describe, expect, it } from 'vitest';
import { createAnchorer } from '../../../lib/core/anchoring/anchor';
import { describeSpan } from '../../../lib/core/anchoring/describe';
import { SELECTOR_VERSION, type AnnotationTarget, type TextQuoteSelector } from '../../../lib/core/model/annotation';
import { seedArticleText } from './fixtures';

/** A target with only a quote (as a W3C file without a TextPositionSelector gives it). */
function quoteOnly(exact: string, prefix = '', suffix = ''): AnnotationTarget {
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact, prefix, suffix };
  return {
    version: SELECTOR_VERSION,
    selector: [quote, { type: 'TextPositionSelector', start: 0, end: exact.length }],
    missing: 'position',
  };
}

/** A target with only a code-point position. */
const positionOnly = (start: number, end: number): AnnotationTarget => ({
  version: SELECTOR_VERSION,
  selector: [
    { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start, end },
  ],
  missing: 'quote',
});

describe('targets with little or no context', () => {
  const text = '第一段說的是火箭。\n第二段也說火箭,還說飛船。\n第三段只說飛船。';

  it('places a quote that occurs once, with no context at all', () => {
    expect(createAnchorer(text).anchor(quoteOnly('還說'))).toMatchObject({
      start: text.indexOf('還說'),
      end: text.indexOf('還說') + 2,
    });
  });

  it('tells copies apart by a single character of context', () => {
    const second = text.indexOf('火箭', text.indexOf('火箭') + 1);
    expect(createAnchorer(text).anchor(quoteOnly('火箭', '說'))).toMatchObject({ start: second });
    expect(createAnchorer(text).anchor(quoteOnly('火箭', '是'))).toMatchObject({ start: text.indexOf('火箭') });
  });

  it('orphans copies nothing tells apart when no position was stored, and takes the stored one when it was', () => {
    expect(createAnchorer(text).anchor(quoteOnly('飛船'))).toBeNull();
    const last = text.lastIndexOf('飛船');
    const stored = { ...quoteOnly('飛船'), missing: undefined };
    stored.selector[1] = { type: 'TextPositionSelector', start: last, end: last + 2 };
    expect(createAnchorer(text).anchor(stored)).toMatchObject({ start: last, end: last + 2 });
  });
});

describe('a position without a quote', () => {
  it('counts code points, so a character outside the BMP before it shifts the UTF-16 offsets', () => {
    const text = '𠀀火箭回收';
    expect(createAnchorer(text).anchor(positionOnly(1, 3))).toEqual({ start: 2, end: 4, strategy: 'position' });
  });

  it('is an orphan when the text is shorter than the position', () => {
    expect(createAnchorer('火箭').anchor(positionOnly(1, 3))).toBeNull();
  });
});

describe('an empty quote', () => {
  it('is the caret between a prefix and suffix that occur together once', () => {
    const text = '火箭回收,飛船入軌';
    const target = quoteOnly('', '回收', ',');
    expect(createAnchorer(text).anchor(target)).toEqual({ start: 4, end: 4, strategy: 'quote' });
  });

  it('is an orphan without any context or position', () => {
    expect(createAnchorer('火箭').anchor(quoteOnly(''))).toBeNull();
  });
});

describe('our own targets', () => {
  const article = seedArticleText();
  const HEADING = '只招工程師';

  it('finds a heading (a whole paragraph, found once) whose neighbouring paragraphs were swapped away', () => {
    const start = article.indexOf(`\n${HEADING}\n`) + 1;
    const target = describeSpan(article, start, start + HEADING.length)!;
    const lines = article.split('\n');
    const at = lines.indexOf(HEADING);
    // The paragraphs before and after the heading trade places with paragraphs far away.
    [lines[at - 1], lines[10]] = [lines[10], lines[at - 1]];
    [lines[at + 1], lines[20]] = [lines[20], lines[at + 1]];
    const edited = lines.join('\n');
    const now = edited.indexOf(`\n${HEADING}\n`) + 1;
    expect(createAnchorer(edited).anchor(target)).toMatchObject({ start: now, end: now + HEADING.length });
  });

  it('still orphans a quote whose full context disagrees on both sides (its sentence was removed, its words are elsewhere)', () => {
    const text = `${'甲'.repeat(40)}火箭回收${'乙'.repeat(40)}`;
    const target = describeSpan(text, 40, 44)!;
    const elsewhere = `${'丙'.repeat(40)}火箭回收${'丁'.repeat(40)}`;
    expect(createAnchorer(elsewhere).anchor(target)).toBeNull();
  });
});
