import { describe, expect, it } from 'vitest';
import { createAnchorer } from '../../../lib/core/anchoring/anchor';
import { describeSpan } from '../../../lib/core/anchoring/describe';
import { scoreCandidate } from '../../../lib/core/anchoring/placement';
import type { AnnotationTarget } from '../../../lib/core/model/annotation';
import { applyRandomEdits, mapSpan } from '../../../scripts/bench/edit-text';
import { tallyPlacements } from '../../../scripts/bench/judge';
import { createPrng } from '../../../scripts/bench/prng';
import { generateQuotes } from '../../../scripts/bench/quotes';
import { seedArticleText } from './fixtures';

const article = seedArticleText();

/** The stored target for the `occurrence`-th (0-based) occurrence of `quote` in `text`. */
function targetFor(text: string, quote: string, occurrence = 0): AnnotationTarget {
  let start = text.indexOf(quote);
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return describeSpan(text, start, start + quote.length)!;
}

/** `text` with [start, end) replaced by `by`. */
const splice = (text: string, start: number, end: number, by = ''): string => text.slice(0, start) + by + text.slice(end);

/** Latin filler that shares no k-gram with the Chinese article: moves everything after it. */
function filler(length: number, seed: number): string {
  const prng = createPrng(seed);
  return Array.from({ length }, () => (prng.next() < 0.2 ? ' ' : String.fromCharCode(prng.int(0x61, 0x7a)))).join('');
}

const UNIQUE_QUOTE = '獵鷹火箭第一次成功回收的時(shí)候';
/** Appears twice: as a subheading, then inside the answer that follows it. */
const REPEATED_QUOTE = '我骨子里還是一個(gè)創(chuàng)業(yè)者';

describe('anchoring on unchanged and moved text', () => {
  it('takes the stored position when the quote and its context are there', () => {
    const target = targetFor(article, UNIQUE_QUOTE);
    const { start, end } = target.selector[1];
    expect(createAnchorer(article).anchor(target)).toEqual({ start, end, strategy: 'position' });
  });

  it('finds text that moved by thousands of characters', () => {
    const target = targetFor(article, UNIQUE_QUOTE);
    const moved = filler(4321, 1) + article;
    expect(createAnchorer(moved).anchor(target)).toEqual({
      start: target.selector[1].start + 4321,
      end: target.selector[1].end + 4321,
      strategy: 'quote',
    });
  });

  it('finds moved text whose quote was also edited', () => {
    const target = targetFor(article, UNIQUE_QUOTE);
    const { start } = target.selector[1];
    const edited = splice(article, start + 4, start + 5, '二'); // 第一次 → 第二次
    const moved = filler(3000, 2) + edited;
    expect(createAnchorer(moved).anchor(target)).toEqual({
      start: start + 3000,
      end: start + 3000 + UNIQUE_QUOTE.length,
      strategy: 'fuzzy',
    });
  });

  it('finds a quote at the very start of the article (no prefix) after text was added above it', () => {
    const target = describeSpan(article, 0, 12)!;
    expect(target.selector[0].prefix).toBe('');
    const moved = filler(500, 3) + '\n' + article;
    expect(createAnchorer(moved).anchor(target)).toMatchObject({ start: 501, end: 513 });
  });

  it('does not take the stored position when the same words moved there in another context', () => {
    // "阿蘇" occurs dozens of times: shifting the text by the distance between two occurrences puts the earlier
    // one at the later one's stored position.
    const first = article.indexOf('阿蘇:');
    const second = article.indexOf('阿蘇:', first + 1);
    const target = describeSpan(article, second, second + 2)!;
    const shift = second - first;
    const shifted = filler(shift, 11) + article;
    expect(shifted.slice(second, second + 2)).toBe('阿蘇');
    expect(createAnchorer(shifted).anchor(target)).toEqual({
      start: second + shift,
      end: second + shift + 2,
      strategy: 'quote',
    });
  });
});

describe('a quote whose text appears several times', () => {
  it('does not settle for the stored position when only one side agrees there and both do elsewhere', () => {
    const [prefix, quote, suffix] = [article.slice(5000, 5032), article.slice(5032, 5042), article.slice(5042, 5074)];
    const before = filler(300, 14);
    const target = describeSpan(before + prefix + quote + suffix, 332, 342)!;
    // Now the quote and its suffix also stand exactly at the stored position, after other words.
    const text = filler(332, 15) + quote + suffix + filler(200, 16) + prefix + quote + suffix;
    expect(text.slice(332, 342)).toBe(quote);
    expect(createAnchorer(text).anchor(target)).toMatchObject({ start: 332 + 10 + 32 + 200 + 32, strategy: 'quote' });
  });

  it('picks each occurrence by its context', () => {
    const moved = filler(2000, 4) + article;
    const anchorer = createAnchorer(moved);
    const first = article.indexOf(REPEATED_QUOTE);
    const second = article.indexOf(REPEATED_QUOTE, first + 1);
    expect(anchorer.anchor(targetFor(article, REPEATED_QUOTE, 0))).toMatchObject({ start: first + 2000 });
    expect(anchorer.anchor(targetFor(article, REPEATED_QUOTE, 1))).toMatchObject({ start: second + 2000 });
  });

  it('follows context even when the stored position points at the other occurrence', () => {
    const first = article.indexOf(REPEATED_QUOTE);
    const second = article.indexOf(REPEATED_QUOTE, first + 1);
    const target = targetFor(article, REPEATED_QUOTE, 1);
    const misleading: AnnotationTarget = {
      ...target,
      selector: [target.selector[0], { ...target.selector[1], start: first, end: first + REPEATED_QUOTE.length }],
    };
    expect(createAnchorer(article).anchor(misleading)).toMatchObject({ start: second, strategy: 'quote' });
  });

  it('is an orphan when context and position cannot tell the occurrences apart', () => {
    const block = article.slice(5000, 5100);
    const text = filler(300, 5) + block + filler(600, 6) + block + filler(300, 7);
    const firstQuote = 300 + 40;
    const secondQuote = 300 + 100 + 600 + 40;
    const stored = describeSpan(text, firstQuote, firstQuote + 20)!;
    const at = (start: number): AnnotationTarget => ({
      ...stored,
      selector: [stored.selector[0], { type: 'TextPositionSelector', start, end: start + 20 }],
    });
    const anchorer = createAnchorer(text);
    expect(anchorer.anchor(at((firstQuote + secondQuote) / 2))).toBeNull();
    // Control: a position nearer one occurrence decides.
    expect(anchorer.anchor(at(secondQuote - 100))).toMatchObject({ start: secondQuote });
    expect(anchorer.anchor(at(firstQuote + 100))).toMatchObject({ start: firstQuote });
  });
});

describe('approximate matching after edits', () => {
  it('re-finds 300 quotes after 5% random character edits: at least 99% correct, none wrong', () => {
    const quotes = generateQuotes(article, 300, createPrng(99));
    const edited = applyRandomEdits(article, 0.05, createPrng(100));
    const anchorer = createAnchorer(edited.text);
    const placed = quotes.map((q) => anchorer.anchor(q.target));
    const tally = tallyPlacements(
      placed,
      quotes.map((q) => mapSpan(edited.offsetMap, q.span.start, q.span.end)),
    );
    expect(tally.wrong).toBe(0);
    expect(tally.correct).toBeGreaterThanOrEqual(297);
    expect(placed.filter((p) => p?.strategy === 'fuzzy').length).toBeGreaterThan(150);
  });

  it('re-finds a quote with a few edited characters inside it and in its context', () => {
    const target = targetFor(article, UNIQUE_QUOTE);
    const { start, end } = target.selector[1];
    let edited = splice(article, end + 3, end + 4, 'X'); // suffix
    edited = splice(edited, start + 8, start + 8, '了'); // insertion in the quote
    edited = splice(edited, start - 5, start - 4); // deletion in the prefix
    expect(createAnchorer(edited).anchor(target)).toEqual({ start: start - 1, end: end, strategy: 'fuzzy' });
  });
});

describe('long quotes', () => {
  it('re-finds a 5,000-character quote (a whole section) after 5% edits', () => {
    const target = describeSpan(article, 2000, 7000)!;
    const edited = applyRandomEdits(article, 0.05, createPrng(21));
    const truth = mapSpan(edited.offsetMap, target.selector[1].start, target.selector[1].end);
    const placement = createAnchorer(edited.text).anchor(target)!;
    expect(placement.strategy).toBe('fuzzy');
    expect(Math.abs(placement.start - truth.start)).toBeLessThanOrEqual(2);
    expect(Math.abs(placement.end - truth.end)).toBeLessThanOrEqual(2);
  });
});

describe('orphans: never a highlight on different words', () => {
  const target = targetFor(article, UNIQUE_QUOTE);
  const { start, end } = target.selector[1];

  it('orphans a quote whose text was deleted', () => {
    expect(createAnchorer(splice(article, start, end)).anchor(target)).toBeNull();
  });

  it('orphans a quote replaced by different words of the same length, context intact', () => {
    const other = '今天天氣很好我們一起去公園散步吧大家'.slice(0, end - start);
    expect(createAnchorer(splice(article, start, end, other)).anchor(target)).toBeNull();
  });

  it('orphans a quote half rewritten, but keeps one with a few characters changed', () => {
    const half = Math.floor((end - start) / 2);
    const halfRewritten = splice(article, start + half, end, '某'.repeat(end - start - half));
    expect(createAnchorer(halfRewritten).anchor(target)).toBeNull();
    const lightlyEdited = splice(article, start + 5, start + 7, '某某');
    expect(createAnchorer(lightlyEdited).anchor(target)).toMatchObject({ start, end, strategy: 'fuzzy' });
  });

  it('orphans a short quote whose context changed, though the same words remain elsewhere', () => {
    const at = article.indexOf('阿蘇', 3000);
    const short = describeSpan(article, at, at + 2)!;
    const rewritten = splice(splice(article, at + 2, at + 42, filler(40, 9)), at - 40, at, filler(40, 8));
    expect(rewritten.split('阿蘇').length).toBeGreaterThan(40);
    expect(createAnchorer(rewritten).anchor(short)).toBeNull();
    // Control: only one side rewritten, the other side still supports it.
    const oneSide = splice(article, at - 40, at, filler(40, 8));
    expect(createAnchorer(oneSide).anchor(short)).toMatchObject({ start: at, end: at + 2 });
  });

  it('orphans a short quote with one character changed, even with its context intact', () => {
    const at = article.indexOf('阿蘇', 3000);
    const short = describeSpan(article, at, at + 2)!;
    expect(createAnchorer(splice(article, at + 1, at + 2, '姨')).anchor(short)).toBeNull();
  });

  it('orphans a quote whose passage was deleted when the same words survive elsewhere in another context', () => {
    const first = article.indexOf(REPEATED_QUOTE);
    const second = article.indexOf(REPEATED_QUOTE, first + 1);
    const paragraphStart = article.lastIndexOf('\n', second) + 1;
    const paragraphEnd = article.indexOf('\n', second);
    const withoutAnswer = splice(article, paragraphStart, paragraphEnd + 1);
    expect(withoutAnswer.includes(REPEATED_QUOTE)).toBe(true);
    expect(createAnchorer(withoutAnswer).anchor(targetFor(article, REPEATED_QUOTE, 1))).toBeNull();
    // Control: the subheading's own annotation still anchors.
    expect(createAnchorer(withoutAnswer).anchor(targetFor(article, REPEATED_QUOTE, 0))).toMatchObject({ start: first });
  });

  it('orphans a quote whose words changed though a repeated passage elsewhere shares them and one side', () => {
    // The subheading list repeats a body sentence: same words, same following words, different preceding ones.
    const quote = '出現(xiàn)那種“沖鋒式”';
    const target = targetFor(article, quote, 0);
    const { start, end } = target.selector[1];
    const replacement = '發生了這樣的衝刺';
    const rewritten = splice(article, start, end, replacement);
    expect(rewritten.split(quote).length).toBe(2);
    expect(createAnchorer(rewritten).anchor(target)).toBeNull();
    // Control: the body's own annotation still anchors.
    const bodyStart = article.indexOf(quote, end) - (end - start) + replacement.length;
    expect(createAnchorer(rewritten).anchor(targetFor(article, quote, 1))).toMatchObject({ start: bodyStart });
  });

  it('lets a context cut short by the article start agree only at the article start', () => {
    const nearStart = describeSpan(article, 3, 5)!; // "旗下", after the article's first three characters
    expect(nearStart.selector[0].prefix).toBe('馬斯克');
    const elsewhere = (words: string) => filler(300, 12) + words + filler(300, 13);
    expect(createAnchorer(elsewhere('馬斯克旗下')).anchor(nearStart)).toBeNull();
    expect(createAnchorer(elsewhere('馬斯特旗下')).anchor(nearStart)).toBeNull();
    // Control: at the article start the same three characters do agree.
    expect(createAnchorer('馬斯克旗下' + filler(300, 13)).anchor(nearStart)).toMatchObject({ start: 3, end: 5 });
    expect(createAnchorer('馬斯特旗下' + filler(300, 13)).anchor(nearStart)).toMatchObject({ start: 3, end: 5 });
  });

  it('orphans every quote of one article on another article', () => {
    const quotes = generateQuotes(article, 100, createPrng(5));
    const otherArticle = filler(article.length, 10);
    const anchorer = createAnchorer(otherArticle);
    expect(quotes.map((q) => anchorer.anchor(q.target)).filter(Boolean)).toEqual([]);
  });

  it('orphans an empty quote', () => {
    const empty: AnnotationTarget = {
      ...target,
      selector: [{ ...target.selector[0], exact: '' }, target.selector[1]],
    };
    expect(createAnchorer(article).anchor(empty)).toBeNull();
  });
});

describe('words inserted, cut or moved', () => {
  const target = targetFor(article, UNIQUE_QUOTE); // 獵鷹火箭第一次成功回收的時(shí)候
  const { start, end } = target.selector[1];

  it('takes words inserted inside a highlight near its edge in, the context deciding where it starts', () => {
    const inserted = '（SpaceX 的）';
    const edited = splice(article, start + 2, start + 2, inserted);
    expect(createAnchorer(edited).anchor(target)).toEqual({ start, end: end + inserted.length, strategy: 'fuzzy' });
  });

  it('keeps a highlight that lost up to half of its characters, its context confirming the place', () => {
    const cutFive = splice(article, start + 4, start + 9, ''); // 第一次成功: beyond the edit budget
    expect(createAnchorer(cutFive).anchor(target)).toEqual({ start, end: end - 5, strategy: 'fuzzy' });
    const cutNine = splice(article, start + 2, start + 11, ''); // 9 of 19
    expect(createAnchorer(cutNine).anchor(target)).toEqual({ start, end: end - 9, strategy: 'fuzzy' });
    const cutTen = splice(article, start + 2, start + 12, ''); // 10 of 19: more than half
    expect(createAnchorer(cutTen).anchor(target)).toBeNull();
  });

  it('does not carry a highlight over the next sentence when the sentence it reached into was removed', () => {
    const highlight =
      '尤其是看到獵鷹火箭第一次成功回收的時(shí)候,給我留下了非常深的印象。我還專(zhuān)門(mén)去現(xiàn)場(chǎng)';
    const reaching = targetFor(article, highlight);
    const sentence =
      '我還專(zhuān)門(mén)去現(xiàn)場(chǎng)看了第五次星艦發(fā)射,那次是第一次成功捕獲,真的非常震撼,是我這輩子看過(guò)最酷的事情。';
    const at = article.indexOf(sentence);
    const edited = splice(article, at, at + sentence.length, '');
    const kept = highlight.indexOf('我還');
    expect(edited.slice(reaching.selector[1].start + kept, reaching.selector[1].start + kept + 4)).toBe('所以,只');
    expect(createAnchorer(edited).anchor(reaching)).toEqual({
      start: reaching.selector[1].start,
      end: reaching.selector[1].start + kept,
      strategy: 'fuzzy',
    });
  });

  it('confirms a context by its part in the highlight’s own paragraph when the paragraph before moved away', () => {
    const line = article.indexOf('(看到這,想到第二天');
    const quoteStart = line + 20;
    const inParagraph = describeSpan(article, quoteStart, quoteStart + 12)!;
    expect(inParagraph.selector[0].prefix).toContain('\n');
    const previousLine = article.lastIndexOf('\n', line - 2) + 1;
    // The line before replaced by another paragraph of the same length (as when two paragraphs are exchanged).
    const other = filler(line - 1 - previousLine, 17);
    const moved = splice(article, previousLine, line - 1, other);
    const scored = scoreCandidate(moved, inParagraph.selector[0], quoteStart, quoteStart, quoteStart + 12, 0);
    expect(scored.contextConfirms).toBe(true);
    // Control: without the line break between, the same replaced words do not confirm it.
    const joined = splice(moved, line - 1, line, '。');
    const unbroken = scoreCandidate(joined, inParagraph.selector[0], quoteStart, quoteStart, quoteStart + 12, 0);
    expect(unbroken.contextConfirms).toBe(false);
  });
});
