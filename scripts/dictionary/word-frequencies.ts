/**
 * How common words are, from jieba's frequency dictionary (MIT licensed; the copy inside the exact-pinned
 * `@node-rs/jieba` devDependency, `dict.txt`: one `word count part-of-speech` line per word, 349,045 words,
 * Simplified). CC-CEDICT has no frequencies; these give the segmenter each word's probability (和|尚未 over 和尚|未)
 * and the sense ranking each word's usual part of speech (收入 as a noun, "income").
 *
 * Counts are summed per folded spelling, so Traditional text finds the counts of the Simplified words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A word's count and its most common part of speech (jieba's tags: `n`, `v`, `a`, `d`, `nr` …). */
export interface WordFrequency {
  count: number;
  pos: string;
}

/** Counts per folded word, and their total. */
export interface WordFrequencies {
  words: ReadonlyMap<string, WordFrequency>;
  total: number;
  /** Where the counts come from, for the credit (`@node-rs/jieba@2.0.3`). */
  package: string;
}

/** Parses jieba dictionary text; `fold` maps each word to the dictionary's key spelling. */
export function parseJiebaDictionary(text: string, fold: (word: string) => string, source: string): WordFrequencies {
  const words = new Map<string, WordFrequency>();
  let total = 0;
  for (const line of text.split('\n')) {
    const [word, countText, pos = ''] = line.trim().split(' ');
    const count = Number(countText);
    if (!word || !Number.isFinite(count) || count <= 0) continue;
    total += count;
    const key = fold(word);
    const known = words.get(key);
    if (!known) words.set(key, { count, pos });
    else words.set(key, { count: known.count + count, pos: count > known.count ? pos : known.pos });
  }
  return { words, total, package: source };
}

/** jieba's dictionary text and the package it came from. */
export function jiebaDictionary(): { text: string; package: string } {
  const { version } = require('@node-rs/jieba/package.json') as { version: string };
  const { dict } = require('@node-rs/jieba/dict') as { dict: Buffer };
  return { text: dict.toString('utf8'), package: `@node-rs/jieba@${version}` };
}

/** jieba's licence notice as shipped in the package (its dictionary is jieba's own, © 2013 Sun Junyi, MIT). */
export function jiebaLicence(): string {
  return readFileSync(require.resolve('@node-rs/jieba/LICENSE'), 'utf8');
}

/** Cost units per natural-log unit of probability: costs fit a byte, with steps of about 8%. */
const COST_SCALE = 12;

/** Cost of a word the frequency list lacks: as if it had been seen once (jieba's own rule). */
const UNSEEN_COUNT = 1;

/** Largest cost stored; the segmenter charges a character no headword has more (`UNKNOWN_CHARACTER_COST`). */
export const MAX_WORD_COST = 254;

/**
 * The segmenter's cost of a headword (0–254): minus the log of its probability, scaled, so that the best
 * segmentation is the one with the least total cost — the most probable sequence of words.
 */
export function segmentationCost(key: string, frequencies: WordFrequencies): number {
  const count = frequencies.words.get(key)?.count ?? UNSEEN_COUNT;
  return Math.min(MAX_WORD_COST, Math.round(COST_SCALE * Math.log(frequencies.total / count)));
}
