/**
 * Whether Chinese text is written in Simplified or Traditional characters, decided by the dictionary: a character is
 * Traditional-only when it is some entry's traditional form and no entry's simplified form (們, 後), and the other
 * way round for Simplified-only (们). Characters both scripts share decide nothing. Needs only the word index, so
 * paragraph translation does not load the dictionary's entries.
 */
import type { WordIndex } from '../gloss/word-index';
import type { SourceLanguage } from './languages';

/** Characters looked at: enough to tell the script of any passage, bounded for long ones. */
const MAX_CHARACTERS = 2_000;

/** The script of `text`: Traditional when it has more Traditional-only than Simplified-only characters. */
export function detectScript(text: string, words: Pick<WordIndex, 'scriptOf'>): SourceLanguage {
  const chars = new Set(Array.from(text.slice(0, MAX_CHARACTERS)));
  let score = 0;
  for (const char of chars) score += words.scriptOf(char);
  return score > 0 ? 'zh-Hant' : 'zh-Hans';
}
