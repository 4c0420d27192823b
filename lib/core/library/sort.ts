/**
 * Orders for the library list. Sorting happens once per data change or order change, not per keystroke: filtering
 * keeps the order it is given.
 */
import { positionOf } from '../model/annotation';
import type { LibraryEntry } from './entries';

/** The orders the reader can choose. */
export const SORT_ORDERS = ['newest', 'oldest', 'edited', 'article'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Last resort, so every order is total and stable across reloads. */
const byId = (a: LibraryEntry, b: LibraryEntry): number =>
  a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0;

/** Articles by title in the reader's language (untitled last), then id; each article gets its rank. */
function articleRanks(entries: readonly LibraryEntry[]): Map<string, number> {
  const titles = new Map<string, string>();
  for (const { annotation, article } of entries) titles.set(annotation.articleId, article?.title ?? '');
  const collator = new Intl.Collator(undefined, { numeric: true });
  const ids = [...titles.keys()].sort((a, b) => {
    const ta = titles.get(a)!;
    const tb = titles.get(b)!;
    return (ta === '' ? 1 : 0) - (tb === '' ? 1 : 0) || collator.compare(ta, tb) || (a < b ? -1 : 1);
  });
  return new Map(ids.map((id, rank) => [id, rank]));
}

/**
 * A new array of the entries in `order`: newest or oldest made first, most recently edited first, or by article
 * (title order) and within an article in reading order.
 */
export function sortEntries(entries: readonly LibraryEntry[], order: SortOrder): LibraryEntry[] {
  const sorted = [...entries];
  switch (order) {
    case 'newest':
      return sorted.sort((a, b) => b.annotation.createdAt - a.annotation.createdAt || byId(a, b));
    case 'oldest':
      return sorted.sort((a, b) => a.annotation.createdAt - b.annotation.createdAt || byId(a, b));
    case 'edited':
      return sorted.sort((a, b) => b.annotation.updatedAt - a.annotation.updatedAt || byId(a, b));
    case 'article': {
      const rank = articleRanks(entries);
      return sorted.sort(
        (a, b) =>
          rank.get(a.annotation.articleId)! - rank.get(b.annotation.articleId)! ||
          positionOf(a.annotation).start - positionOf(b.annotation).start ||
          byId(a, b),
      );
    }
  }
}
