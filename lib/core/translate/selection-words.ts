/**
 * The words of a selection with every reading and sense the dictionary has, for the translation popover: found
 * offline, so they show at once, before (or without) any sentence translation.
 */
import type { Dictionary } from '../gloss/dictionary';
import { fullGloss, type GlossEntry } from '../gloss/gloss-word';
import { segment } from '../gloss/segment';
import type { GlossLine } from '../gloss/word-index';

/** A dictionary word of the selection and its readings, best first. */
export interface SelectionWord {
  text: string;
  entries: GlossEntry[];
  /** What the gloss shows for the word (its reading and chosen sense): what Add to word list keeps. */
  line?: GlossLine;
}

/** Most words listed for one selection (a long paragraph's worth). */
export const MAX_SELECTION_WORDS = 80;
/** Most readings listed for one word (rare characters have many obscure ones). */
export const MAX_READINGS = 4;

/** The distinct dictionary words of `text` in reading order, each with up to `MAX_READINGS` readings. */
export function selectionWords(text: string, dict: Dictionary): SelectionWord[] {
  const seen = new Set<string>();
  const words: SelectionWord[] = [];
  for (const token of segment(text, dict.words)) {
    if (!token.inDictionary || seen.has(token.text)) continue;
    seen.add(token.text);
    const line = dict.words.glossLine(token.text);
    words.push({ text: token.text, entries: fullGloss(token.text, dict).slice(0, MAX_READINGS), ...(line && { line }) });
    if (words.length === MAX_SELECTION_WORDS) break;
  }
  return words;
}
