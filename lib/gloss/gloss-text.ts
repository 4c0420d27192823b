/**
 * Glossing a passage: segment it and give every Chinese word its pinyin and short English gloss. The result is plain
 * data, so the background can compute it and send it to a content script as is.
 */
import { segment } from './segment';
import type { WordIndex } from './word-index';

/** A token of the passage (see `Token`) with, for dictionary words, what the interlinear line shows. */
export interface GlossedToken {
  text: string;
  start: number;
  end: number;
  /** Tone-marked pinyin; absent for non-Chinese text and unknown characters. */
  pinyin?: string;
  gloss?: string;
}

/** The tokens of `text` in order, covering it exactly, dictionary words glossed. */
export function glossText(text: string, words: WordIndex): GlossedToken[] {
  return segment(text, words).map(({ text: word, start, end, inDictionary }) => {
    const line = inDictionary ? words.glossLine(word) : undefined;
    return line ? { text: word, start, end, ...line } : { text: word, start, end };
  });
}
