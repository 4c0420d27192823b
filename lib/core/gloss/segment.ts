/**
 * Word segmentation by word probability: of all ways to cut a stretch of Chinese into dictionary words (or, failing
 * that, single unknown characters), take the one with the least total cost, each word's cost being minus the log of
 * how often it occurs (jieba's frequency dictionary, worked out at build time) — the most probable sequence of words,
 * as jieba chooses it. 和|尚未 beats 和尚|未 because 和 and 尚未 are both common; 研究|生命 beats 研究生|命. Among
 * equally probable cuts the one with fewer pieces wins. The result depends only on the text and the dictionary —
 * not on the browser (no `Intl.Segmenter`).
 *
 * Terms the text itself introduces (`introduced-terms.ts`) are words too, cheaper than any other, so a nickname or a
 * term in quotes is never cut apart.
 */
import { splitChineseRuns, type ChineseRun } from './chinese-runs';
import type { IntroducedTerms, TermKind } from './introduced-terms';
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
  /** Set when the token is a term the text introduces (a name, a term in quotes). */
  term?: TermKind;
}

/** The cost of a character no headword covers: dearer than any word (word costs are at most 254). */
const UNKNOWN_CHARACTER_COST = 320;

/** The cost of an introduced term: cheaper than any word, so it is always taken where it matches. */
const TERM_COST = 0;

/**
 * Added for every piece: a headword of CC-CEDICT is a word whatever jieba counted for it (jieba's list is made to be
 * read with a model for unknown words, which finds 外包 where counts alone would cut 外|包). Chosen on the UD Chinese
 * GSD dev set (`npm run bench`, segmentation-f1 reports the test set).
 */
const PIECE_COST = 15;

/**
 * Best path costs to each position of a run. One instance serves all runs of a text, growing to the longest, so
 * segmenting allocates little.
 */
class Costs {
  cost = new Int32Array(0);
  pieces = new Int32Array(0);
  /** Where the best piece ending here starts; -1 while unreached. */
  from = new Int32Array(0);

  /** Clears positions 0 … size - 1 and makes position 0 the reached start. */
  reset(size: number): void {
    if (this.from.length < size) {
      this.cost = new Int32Array(size);
      this.pieces = new Int32Array(size);
      this.from = new Int32Array(size);
    }
    this.from.fill(-1, 0, size);
    this.from[0] = 0;
    this.cost[0] = this.pieces[0] = 0;
  }

  /** Offers the path through `at` plus a piece of `length` units costing `cost`; kept at `at + length` if better. */
  relax(at: number, length: number, cost: number): void {
    const to = at + length;
    const total = this.cost[at] + cost + PIECE_COST;
    const pieces = this.pieces[at] + 1;
    if (this.from[to] >= 0 && (total - this.cost[to] || pieces - this.pieces[to]) >= 0) return;
    this.cost[to] = total;
    this.pieces[to] = pieces;
    this.from[to] = at;
  }
}

/** Cut points of the best segmentation of `text` (ascending, from 0 to text.length). */
function bestCuts(text: string, dict: WordSource, terms: IntroducedTerms | undefined, costs: Costs): number[] {
  costs.reset(text.length + 1);
  let at = 0;
  let singleMatched = false;
  const relaxWord = (length: number, cost: number) => {
    if (length === 1) singleMatched = true;
    costs.relax(at, length, cost);
  };
  const relaxTerm = (length: number) => costs.relax(at, length, TERM_COST);
  for (; at < text.length; at++) {
    if (costs.from[at] < 0) continue; // inside a surrogate pair
    singleMatched = false;
    dict.forEachPrefix(text, at, relaxWord);
    terms?.forEachAt(text, at, relaxTerm);
    if (!singleMatched) costs.relax(at, text.codePointAt(at)! > 0xffff ? 2 : 1, UNKNOWN_CHARACTER_COST);
  }
  const cuts = [text.length];
  for (let end = text.length; end > 0; end = costs.from[end]) cuts.push(costs.from[end]);
  return cuts.reverse();
}

/** The words of one Chinese run, with their page spans. */
function chineseTokens(run: ChineseRun, dict: WordSource, terms: IntroducedTerms | undefined, costs: Costs): Token[] {
  const cuts = bestCuts(run.text, dict, terms, costs);
  const tokens: Token[] = [];
  for (let i = 1; i < cuts.length; i++) {
    const text = run.text.slice(cuts[i - 1], cuts[i]);
    const token: Token = {
      text,
      start: run.starts[cuts[i - 1]],
      end: run.ends[cuts[i] - 1],
      inDictionary: dict.keyOf(text) >= 0,
    };
    const term = terms?.kindOf(text);
    if (term) token.term = term;
    tokens.push(token);
  }
  return tokens;
}

/**
 * Cuts page text into tokens that cover it in order: Chinese words and unknown characters, and non-Chinese runs.
 * `terms`, when given, are kept whole wherever they occur.
 */
export function segment(text: string, dict: WordSource, terms?: IntroducedTerms): Token[] {
  const costs = new Costs();
  return splitChineseRuns(text).flatMap((run) =>
    run.kind === 'chinese'
      ? chineseTokens(run, dict, terms, costs)
      : [{ text: text.slice(run.start, run.end), start: run.start, end: run.end, inDictionary: false }],
  );
}
