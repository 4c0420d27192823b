/**
 * Whether Chinese text is written in Simplified or Traditional characters, decided by the dictionary: a character is
 * Traditional-only when it is some entry's traditional form and no entry's simplified form (們, 後), and the other
 * way round for Simplified-only (们). Characters both scripts share decide nothing.
 */
import type { Dictionary } from '../gloss/dictionary';
import type { SourceLanguage } from './languages';

/** Characters looked at: enough to tell the script of any passage, bounded for long ones. */
const MAX_CHARACTERS = 2_000;

/** +1 for a Traditional-only character, -1 for a Simplified-only one, 0 otherwise. */
function leaning(char: string, dict: Pick<Dictionary, 'lookup'>): number {
  const entries = dict.lookup(char);
  const asTraditional = entries.some((e) => e.traditional === char);
  const asSimplified = entries.some((e) => e.simplified === char);
  if (asTraditional && !asSimplified) return 1;
  if (asSimplified && !asTraditional) return -1;
  return 0;
}

/** The script of `text`: Traditional when it has more Traditional-only than Simplified-only characters. */
export function detectScript(text: string, dict: Pick<Dictionary, 'lookup'>): SourceLanguage {
  const chars = new Set(Array.from(text.slice(0, MAX_CHARACTERS)));
  let score = 0;
  for (const char of chars) score += leaning(char, dict);
  return score > 0 ? 'zh-Hant' : 'zh-Hans';
}
