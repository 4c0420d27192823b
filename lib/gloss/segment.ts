/**
 * Word segmentation by dynamic programming over the dictionary: of all ways to cut a stretch of Chinese into
 * dictionary words (or, failing that, single unknown characters), take the best by, in order,
 *   1. fewest pieces,
 *   2. fewest unknown characters,
 *   3. most even word lengths (least sum of squared lengths: 研究|生命 over 研究生|命, 北京|人民 over 北京人|民),
 *   4. most common words (highest sum of the dictionary's per-word scores).
 * Costs add up and compare lexicographically, so the optimum is exact and the result depends only on the text and
 * the dictionary — not on the browser (no `Intl.Segmenter`).
 */
import { splitChineseRuns, type ChineseRun } from './chinese-runs';
import type { WordIndex } from './word-index';

/** What segmenting needs from a dictionary (a `WordIndex`, or a stand-in in tests). */
export type WordSource = Pick<WordIndex, 'forEachPrefix' | 'keyOf'>;

/** A piece of page text: a Chinese word, an unknown Chinese character, or a run of non-Chinese text. */
export interface Token {
  /** The word without any stray pinyin inside it; for non-Chinese runs, the page text itself. */
  text: string;
  /** Page text span `[start, end)`; for Chinese tokens it includes stray pinyin that follows a character. */
  start: number;
  end: number;
  /** A dictionary headword (false for non-Chinese runs and unknown characters). */
  inDictionary: boolean;
}

/**
 * Best path costs to each position of a run, compared lexicographically (see the module comment). One instance
 * serves all runs of a text, growing to the longest, so segmenting allocates little.
 */
class Costs {
  pieces = new Int32Array(0);
  unknown = new Int32Array(0);
  squares = new Int32Array(0);
  score = new Int32Array(0);
  /** Where the best piece ending here starts; -1 while unreached. */
  from = new Int32Array(0);

  /** Clears positions 0 … size - 1 and makes position 0 the reached start. */
  reset(size: number): void {
    if (this.from.length < size) {
      this.pieces = new Int32Array(size);
      this.unknown = new Int32Array(size);
      this.squares = new Int32Array(size);
      this.score = new Int32Array(size);
      this.from = new Int32Array(size);
    }
    this.from.fill(-1, 0, size);
    this.from[0] = 0;
    this.pieces[0] = this.unknown[0] = this.squares[0] = this.score[0] = 0;
  }

  /** Offers the path through `at` plus a piece of `length` units; keeps it at `at + length` if it is better. */
  relax(at: number, length: number, unknown: number, score: number): void {
    const to = at + length;
    const pieces = this.pieces[at] + 1;
    const unknownTotal = this.unknown[at] + unknown;
    const squares = this.squares[at] + length * length;
    const scoreTotal = this.score[at] + score;
    if (this.from[to] >= 0) {
      const order =
        pieces - this.pieces[to] ||
        unknownTotal - this.unknown[to] ||
        squares - this.squares[to] ||
        this.score[to] - scoreTotal;
      if (order >= 0) return;
    }
    this.pieces[to] = pieces;
    this.unknown[to] = unknownTotal;
    this.squares[to] = squares;
    this.score[to] = scoreTotal;
    this.from[to] = at;
  }
}

/** Cut points of the best segmentation of `text` (ascending, from 0 to text.length). */
function bestCuts(text: string, dict: WordSource, costs: Costs): number[] {
  costs.reset(text.length + 1);
  let at = 0;
  let singleMatched = false;
  const relaxWord = (length: number, score: number) => {
    if (length === 1) singleMatched = true;
    costs.relax(at, length, 0, score);
  };
  for (; at < text.length; at++) {
    if (costs.from[at] < 0) continue; // inside a surrogate pair
    singleMatched = false;
    dict.forEachPrefix(text, at, relaxWord);
    if (!singleMatched) costs.relax(at, text.codePointAt(at)! > 0xffff ? 2 : 1, 1, 0);
  }
  const cuts = [text.length];
  for (let end = text.length; end > 0; end = costs.from[end]) cuts.push(costs.from[end]);
  return cuts.reverse();
}

/** The words of one Chinese run, with their page spans. */
function chineseTokens(run: ChineseRun, dict: WordSource, costs: Costs): Token[] {
  const cuts = bestCuts(run.text, dict, costs);
  const tokens: Token[] = [];
  for (let i = 1; i < cuts.length; i++) {
    const text = run.text.slice(cuts[i - 1], cuts[i]);
    const inDictionary = dict.keyOf(text) >= 0;
    tokens.push({ text, start: run.starts[cuts[i - 1]], end: run.ends[cuts[i] - 1], inDictionary });
  }
  return tokens;
}

/** Cuts page text into tokens that cover it in order: Chinese words and unknown characters, and non-Chinese runs. */
export function segment(text: string, dict: WordSource): Token[] {
  const costs = new Costs();
  return splitChineseRuns(text).flatMap((run) =>
    run.kind === 'chinese'
      ? chineseTokens(run, dict, costs)
      : [{ text: text.slice(run.start, run.end), start: run.start, end: run.end, inDictionary: false }],
  );
}
