/**
 * Glossing a passage: segment it and give every Chinese word its pinyin and short English gloss. The result is plain
 * data, so the background can compute it and send it to a content script as is.
 */
import type { Dictionary } from './dictionary';
import { shortGloss } from './gloss-word';
import { segment } from './segment';

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
export function glossText(text: string, dict: Dictionary): GlossedToken[] {
  return segment(text, dict).map(({ text: word, start, end, entry }) => {
    if (!entry) return { text: word, start, end };
    const { pinyin, gloss } = shortGloss(entry, dict);
    return { text: word, start, end, pinyin, gloss };
  });
}
