/**
 * The library's filters besides text search: colours, a tag, a range of days the annotation was made on, and "only
 * those not found on their page". All of them must hold (an unset one lets everything through).
 */
import type { HighlightColor } from '../model/annotation';
import type { LibraryEntry } from './entries';
import { matchesTerms, queryTerms } from './search';

/** What the reader asked the library to show. */
export interface LibraryFilter {
  /** Folded search terms (`queryTerms`); all must occur. */
  terms: readonly string[];
  /** Colours to show; empty shows every colour. */
  colors: ReadonlySet<HighlightColor>;
  /** Only annotations carrying this tag; null for any. */
  tag: string | null;
  /** Made on or after this local day (`YYYY-MM-DD`, as a date input gives it); '' for no lower bound. */
  fromDay: string;
  /** Made on or before this local day; '' for no upper bound. */
  toDay: string;
  /** Only these annotations (the orphans known from open tabs); null for no such restriction. */
  onlyIds: ReadonlySet<string> | null;
}

/** Local midnight starting day `YYYY-MM-DD` (ms since the epoch), or null for '' or a malformed day. */
export function dayStart(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** Local midnight ending day `YYYY-MM-DD` (the start of the next day), or null. */
export function dayEnd(day: string): number | null {
  const start = dayStart(day);
  if (start === null) return null;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime();
}

/** Whether any part of the filter restricts the list (the UI offers "Clear filters" then). */
export const isFiltering = (filter: LibraryFilter): boolean =>
  filter.terms.length > 0 ||
  filter.colors.size > 0 ||
  filter.tag !== null ||
  filter.fromDay !== '' ||
  filter.toDay !== '' ||
  filter.onlyIds !== null;

/** The entries that pass `filter`, in their given order. */
export function filterEntries(entries: readonly LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  const from = dayStart(filter.fromDay) ?? -Infinity;
  const to = dayEnd(filter.toDay) ?? Infinity;
  const { colors, tag, onlyIds, terms } = filter;
  return entries.filter((entry) => {
    const a = entry.annotation;
    if (colors.size > 0 && !colors.has(a.color)) return false;
    if (tag !== null && !a.tags.includes(tag)) return false;
    if (a.createdAt < from || a.createdAt >= to) return false;
    if (onlyIds !== null && !onlyIds.has(a.id)) return false;
    return matchesTerms(entry, terms);
  });
}

/** The library's controls as the reader sets them (the search text as typed, "only orphans" as a switch). */
export interface FilterControls {
  query: string;
  colors: ReadonlySet<HighlightColor>;
  tag: string | null;
  fromDay: string;
  toDay: string;
  orphansOnly: boolean;
}

/** Controls that show everything. */
export const NO_CONTROLS: FilterControls = {
  query: '',
  colors: new Set(),
  tag: null,
  fromDay: '',
  toDay: '',
  orphansOnly: false,
};

/** The filter the controls ask for; `orphans` are the ids open tabs could not place. */
export function toFilter(controls: FilterControls, orphans: ReadonlySet<string>): LibraryFilter {
  const { query, orphansOnly, ...rest } = controls;
  return { ...rest, terms: queryTerms(query), onlyIds: orphansOnly ? orphans : null };
}
