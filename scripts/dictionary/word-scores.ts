/**
 * How productive a spelling is, computed from the dictionary itself, for choosing between the entries of one key:
 * how many headwords contain it (後 is in hundreds of headwords: 以後, 然後, 後來 …; 后 "empress" in a few dozen).
 * Word frequencies for segmenting come from jieba's dictionary instead (`word-frequencies.ts`); the corpus lists
 * that ship with `hanzi` cannot go into our data (the Leiden Weibo list is CC BY-NC-SA, Jun Da's lists are for
 * research and teaching only).
 */

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
