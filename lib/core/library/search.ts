/**
 * Text search over library entries: a query is split into terms at spaces, and an entry matches when every term
 * occurs somewhere in its quote, note, translation, tags or article title. Chinese needs no word splitting (a term
 * is found inside a run of characters); English is matched without regard to case or full-width forms.
 */
import type { LibraryEntry } from './entries';
import { foldForSearch } from './fold';

/** A [start, end) range of UTF-16 offsets into a displayed text. */
export interface Span {
  start: number;
  end: number;
}

/** The folded terms of `query`, without blanks or repeats; empty when the query is blank. */
export function queryTerms(query: string): string[] {
  return [...new Set(foldForSearch(query).split(/\s+/).filter(Boolean))];
}

/** Whether the entry holds every term (an empty list matches everything). */
export const matchesTerms = (entry: LibraryEntry, terms: readonly string[]): boolean =>
  terms.every((term) => entry.haystack.includes(term));

/** Where the terms occur in `text`: every occurrence of every term, sorted, overlapping ones merged. */
export function matchSpans(text: string, terms: readonly string[]): Span[] {
  if (terms.length === 0 || text === '') return [];
  const folded = foldForSearch(text);
  const spans: Span[] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      spans.push({ start: at, end: at + term.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
