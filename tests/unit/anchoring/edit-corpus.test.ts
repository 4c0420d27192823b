import { describe, expect, it } from 'vitest';
import { createAnchorer } from '../../../lib/core/anchoring/anchor';
import { EDIT_KINDS, generateEditCorpus, sentenceRanges } from '../../../scripts/bench/edit-corpus';
import { addTallies, tallyCorpus, type CorpusTally } from '../../../scripts/bench/edit-corpus-judge';
import { createPrng } from '../../../scripts/bench/prng';
import { generateQuotes } from '../../../scripts/bench/quotes';
import { seedArticleText } from './fixtures';

const article = seedArticleText();

/** A smaller corpus than the benchmark's (another seed), dense enough that every kind touches most highlights. */
const quotes = generateQuotes(article, 400, createPrng(31));
const corpus = generateEditCorpus(article, quotes, 77, { targets: 80, sentences: 14, swaps: 3 });

/** Our anchorer's verdicts on one edited version. */
function ours(text: string, truths: (typeof corpus)[number]['truths']): CorpusTally {
  const anchorer = createAnchorer(text);
  return tallyCorpus(
    quotes.map((q) => anchorer.anchor(q.target)),
    truths,
  );
}

describe('the edit corpus', () => {
  it('has one edited version per kind, each different from the article, and is the same for the same seed', () => {
    expect(corpus.map((c) => c.kind)).toEqual([...EDIT_KINDS]);
    for (const c of corpus) expect(c.text).not.toBe(article);
    const again = generateEditCorpus(article, quotes, 77, { targets: 80, sentences: 14, swaps: 3 });
    expect(again).toEqual(corpus);
  });

  it('removes sentences that held highlights, whose words are then gone', () => {
    const removed = corpus.find((c) => c.kind === 'remove-sentences')!;
    expect(removed.truths.filter((t) => t.length === 0).length).toBeGreaterThan(10);
    expect(article.length - removed.text.length).toBeGreaterThan(14 * 10);
    expect(sentenceRanges(article).length).toBeGreaterThan(300);
  });

  it('moves highlights far when paragraphs are swapped', () => {
    const swapped = corpus.find((c) => c.kind === 'swap-paragraphs')!;
    const moved = quotes.filter((q, i) => swapped.truths[i].some((t) => Math.abs(t.start - q.span.start) > 1000));
    expect(moved.length).toBeGreaterThan(5);
  });
});

describe('our anchorer on the edit corpus', () => {
  const tallies = corpus.map((c) => ({ kind: c.kind, ...ours(c.text, c.truths) }));

  it.each(tallies.map((t) => [t.kind, t] as const))(
    '%s: places at least 99% of surviving highlights on their words, none on other words',
    (_kind, tally) => {
      expect(tally.wrong).toBe(0);
      expect(tally.correct).toBeGreaterThanOrEqual(Math.ceil(tally.surviving * 0.99));
    },
  );

  it('over all kinds, likewise, and orphans every highlight whose words are gone', () => {
    const all = addTallies(tallies);
    expect(all.wrong).toBe(0);
    expect(all.correct).toBeGreaterThanOrEqual(Math.ceil(all.surviving * 0.99));
    expect(all.orphaned).toBeGreaterThanOrEqual(all.highlights - all.surviving);
  });
});
