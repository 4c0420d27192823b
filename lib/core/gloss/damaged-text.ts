/**
 * Text damaged in transmission, which the gloss must leave bare rather than read as words. Chinese that went through
 * a wrong decoding turns into runs of rare characters mixed with kana, symbols and stray letters (`因?yàn)榇耍佑|和`:
 * UTF-8 bytes read as GBK). Such a run starts where a character and the bracket of its reading were eaten, leaving
 * `?yàn)`, and it ends at the next such remains (`?huì)`, `J(rèn)`) or, when there is none near, where rare
 * characters and junk stop coming.
 *
 * Rare means a segmentation cost of at least `RARE_COST`: fewer than about 2,000 in jieba's 60 million counted words
 * (榇, 耍, 佑, 檐 are; 和, 處, 去 are not). Both limits were read off the seed article, which has such damage.
 */
import type { WordSource } from './segment';

/** Where a run starts: a question mark where a character was, then the reading of the eaten bracket. */
const RUN_START_RE = /\?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\)/g;

/**
 * The remains that end a run: a reading after a question mark (`?huì)`), or in brackets after something that is
 * neither a Chinese character nor part of the reading itself (`J(rèn)`).
 */
const RUN_END_RE =
  /(?:\?|[^\u3400-\u9fff\sa-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü(（][(（])[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\)/g;

/** A reading in brackets, as a page writes it after a character (`(yù)`). */
const READING_RE = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]/y;

/** A run's end is looked for this far after its start. */
const END_WINDOW = 16;

/** A run without remains near its start ends before this many common characters in a row. */
const MAX_COMMON_INSIDE = 3;

/** Single characters at least this costly to the segmenter count as rare (see the module comment). */
const RARE_COST = 125;

/** Text that a damaged run never takes in: sentence punctuation, spaces, line ends. */
const RUN_STOP_RE = /[\s，。、；：！？,.;:!“”"「」《》]/;

const isHan = (c: string): boolean => c >= '\u3400' && c <= '\u9fff';

/** The segmentation cost of the single character `char`, or Infinity when no headword is that character. */
function singleCost(char: string, dict: WordSource): number {
  let cost = Infinity;
  dict.forEachPrefix(char, 0, (length, c) => {
    if (length === char.length) cost = c;
  });
  return cost;
}

/** Where a run starting at `from` ends: at the next remains within `END_WINDOW` characters, else at the first common character. */
function runEnd(text: string, from: number, dict: WordSource): number {
  RUN_END_RE.lastIndex = from;
  const next = RUN_END_RE.exec(text);
  const window = text.slice(from, from + END_WINDOW);
  const stop = window.search(RUN_STOP_RE);
  const limit = from + (stop < 0 ? window.length : stop);
  if (next && next.index < limit) return next.index + next[0].length;
  // No remains near: the run goes on while rare characters or junk keep coming, a few common ones apart at most.
  let end = from;
  let common = 0;
  for (let at = from; at < text.length && common < MAX_COMMON_INSIDE && !RUN_STOP_RE.test(text[at]); at++) {
    READING_RE.lastIndex = at + 1;
    const read = isHan(text[at]) && READING_RE.test(text);
    if (read || (isHan(text[at]) && singleCost(text[at], dict) < RARE_COST)) {
      // A character the page gave its reading (`預(yù)`) is real text, whatever its cost; its reading is skipped.
      common++;
      if (read) at = READING_RE.lastIndex - 1;
    } else {
      common = 0;
      end = at + 1;
    }
  }
  return end;
}

/** The damaged stretches of `text`, as `[start, end)` spans in order. */
export function damagedSpans(text: string, dict: WordSource): [number, number][] {
  const spans: [number, number][] = [];
  for (const start of text.matchAll(RUN_START_RE)) {
    const from = start.index + start[0].length;
    if (spans.length > 0 && from <= spans[spans.length - 1][1]) continue;
    const end = runEnd(text, from, dict);
    if (end > from) spans.push([start.index, end]);
  }
  return spans;
}
