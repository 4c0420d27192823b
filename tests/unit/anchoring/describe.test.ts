import { describe, expect, it } from 'vitest';
import { createAnchorer } from '../../../lib/core/anchoring/anchor';
import { describeRange, describeSpan } from '../../../lib/core/anchoring/describe';
import { buildTextIndex, offsetsToRange } from '../../../lib/core/anchoring/text-index';
import { QUOTE_CONTEXT_LENGTH, SELECTOR_VERSION } from '../../../lib/core/model/annotation';
import { articleBody, htmlDocument, loadPage } from './fixtures';

describe('describeSpan', () => {
  const text = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(3);

  it('stores the quote with 32 characters of context on each side and its position', () => {
    const target = describeSpan(text, 40, 50)!;
    expect(target.version).toBe(SELECTOR_VERSION);
    expect(target.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: text.slice(40, 50),
      prefix: text.slice(40 - QUOTE_CONTEXT_LENGTH, 40),
      suffix: text.slice(50, 50 + QUOTE_CONTEXT_LENGTH),
    });
    expect(target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 40, end: 50 });
  });

  it('keeps shorter context at the edges of the text', () => {
    const [quote] = describeSpan(text, 3, 8)!.selector;
    expect(quote.prefix).toBe('abc');
    const [last] = describeSpan(text, text.length - 4, text.length)!.selector;
    expect(last.suffix).toBe('');
  });

  it('trims whitespace around the selection and refuses whitespace-only selections', () => {
    const spaced = 'lead  \n  the words \u3000 tail';
    const target = describeSpan(spaced, 4, 21)!;
    expect(target.selector[0].exact).toBe('the words');
    expect(target.selector[1]).toMatchObject({ start: 9, end: 18 });
    expect(describeSpan(spaced, 4, 9)).toBeNull();
    expect(describeSpan(spaced, 5, 5)).toBeNull();
  });

  it('never cuts a surrogate pair in prefix or suffix', () => {
    const whole = '😀'.repeat(20) + 'QUOTE' + '𠀀'.repeat(20);
    const [aligned] = describeSpan(whole, 40, 45)!.selector;
    expect(aligned).toMatchObject({ exact: 'QUOTE', prefix: '😀'.repeat(16), suffix: '𠀀'.repeat(16) });
    // One BMP character on each side shifts the 32-unit cut into the middle of a pair: it moves inwards instead.
    const shifted = '😀'.repeat(20) + 'aQUOTEb' + '𠀀'.repeat(20);
    const [quote] = describeSpan(shifted, 41, 46)!.selector;
    expect(quote).toMatchObject({ exact: 'QUOTE', prefix: '😀'.repeat(15) + 'a', suffix: 'b' + '𠀀'.repeat(15) });
    expect(quote.prefix.length).toBe(QUOTE_CONTEXT_LENGTH - 1);
  });
});

describe('describeRange', () => {
  it('describes a selection of CJK and astral text by UTF-16 offsets', () => {
    const doc = htmlDocument('<div id="a"><p>前文😀</p><p>引用𠀀文字</p></div>');
    const index = buildTextIndex(doc.getElementById('a')!);
    const range = doc.createRange();
    range.setStart(index.nodes[0], 2);
    range.setEnd(index.nodes[1], 4);
    const target = describeRange(index, range)!;
    expect(target.selector[0]).toMatchObject({ exact: '😀引用𠀀', prefix: '前文', suffix: '文字' });
    expect(target.selector[1]).toMatchObject({ start: 2, end: 8 });
  });

  it('keeps only the article part of a selection that starts in the title and ends in the disclaimer', () => {
    const doc = loadPage('dy-desktop.html');
    const body = articleBody(doc);
    const index = buildTextIndex(body);
    const range = doc.createRange();
    range.setStart(doc.querySelector('.post_title')!.firstChild!, 3);
    range.setEnd(doc.querySelector('.post_statement p')!.firstChild!, 10);
    const target = describeRange(index, range)!;
    expect(target.selector[0].exact).toBe(index.text);
    expect(target.selector[0].prefix).toBe('');
    expect(target.selector[0].suffix).toBe('');
    expect(target.selector[1]).toMatchObject({ start: 0, end: index.text.length });
  });

  it('returns null for selections outside the article or over whitespace only', () => {
    const doc = loadPage('dy-desktop.html');
    const index = buildTextIndex(articleBody(doc));
    const title = doc.createRange();
    title.selectNodeContents(doc.querySelector('.post_title')!);
    expect(describeRange(index, title)).toBeNull();
    const small = htmlDocument('<div id="a"><p>x</p> <p>y</p></div>');
    const smallIndex = buildTextIndex(small.getElementById('a')!);
    const gap = small.createRange();
    gap.setStart(smallIndex.nodes[1], 0);
    gap.setEnd(smallIndex.nodes[1], 1);
    expect(smallIndex.nodes[1].data).toBe(' ');
    expect(describeRange(smallIndex, gap)).toBeNull();
  });

  it('describes a paragraph on the desktop page so that it anchors on the mobile page', () => {
    const desktopDoc = loadPage('dy-desktop.html');
    const desktop = buildTextIndex(articleBody(desktopDoc));
    const selection = desktopDoc.createRange();
    selection.selectNodeContents(desktopDoc.getElementById('004GKTVZ')!);
    const target = describeRange(desktop, selection)!;
    expect(target.selector[0].exact).toMatch(/^\(看到這,想到第二天.*吸引力。$/);

    const mobileDoc = loadPage('dy-mobile.html');
    const mobile = buildTextIndex(articleBody(mobileDoc));
    const placement = createAnchorer(mobile.text).anchor(target)!;
    expect(placement.strategy).toBe('position');
    const range = offsetsToRange(mobile, placement.start, placement.end);
    const paragraph = mobileDoc.getElementById('004GKTVZ')!;
    expect(range.startContainer.parentNode).toBe(paragraph);
    expect(range.endContainer.parentNode).toBe(paragraph);
    expect(range.toString()).toBe(paragraph.textContent);
  });
});
