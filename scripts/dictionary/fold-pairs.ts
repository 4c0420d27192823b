/**
 * Derives the character folding (see `lib/core/gloss/fold.ts`) from CC-CEDICT itself: every entry whose traditional and
 * simplified headwords have the same length pairs their characters up; each traditional character folds to the
 * simplified character it is paired with most often, and chains (麼 → 么 → 幺) are followed to their end so that
 * folding twice changes nothing.
 */
import type { DictionaryEntry } from '../../lib/core/gloss/dictionary';

/** How many entries pair traditional unit `from` with simplified unit `to`: counts.get(from).get(to). */
function countPairs(entries: readonly DictionaryEntry[]): Map<number, Map<number, number>> {
  const counts = new Map<number, Map<number, number>>();
  for (const { traditional, simplified } of entries) {
    if (traditional.length !== simplified.length) continue;
    for (let i = 0; i < traditional.length; i++) {
      const from = traditional.charCodeAt(i);
      const to = simplified.charCodeAt(i);
      // Surrogates fold as themselves: a pair of pairs would fold half a character.
      if (from >= 0xd800 && from <= 0xdfff) continue;
      const row = counts.get(from) ?? new Map<number, number>();
      row.set(to, (row.get(to) ?? 0) + 1);
      counts.set(from, row);
    }
  }
  return counts;
}

/** The most frequent partner of each traditional unit (ties to the lower code point, so the choice is stable). */
function majorityPartners(counts: Map<number, Map<number, number>>): Map<number, number> {
  const partner = new Map<number, number>();
  for (const [from, row] of counts) {
    let best = from;
    let bestCount = -1;
    for (const [to, count] of row) {
      if (count > bestCount || (count === bestCount && to < best)) [best, bestCount] = [to, count];
    }
    partner.set(from, best);
  }
  return partner;
}

/** The folding as `(from, to)` pairs, only for units that change, sorted by `from`. */
export function deriveFoldPairs(entries: readonly DictionaryEntry[]): Uint16Array {
  const partner = majorityPartners(countPairs(entries));
  const pairs: number[] = [];
  for (const from of [...partner.keys()].sort((a, b) => a - b)) {
    // Follow the chain (麼 → 么 → 幺) to a unit that folds to itself; the bound only guards against a cycle.
    let to = partner.get(from)!;
    for (let step = 0; step < partner.size && (partner.get(to) ?? to) !== to; step++) to = partner.get(to)!;
    if (to !== from) pairs.push(from, to);
  }
  return Uint16Array.from(pairs);
}
