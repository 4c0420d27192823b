/**
 * The one entry point the library page calls to export: pick what to export (one article, a selection, everything),
 * a format, and get back the file to save, with a suggested name `netease-annotations-YYYY-MM-DD[-<scope>].<ext>`.
 */
import type { ExportedFile, ExportFormat } from '../../model/exchange';
import type { ExportAnnotation, ExportData } from './export-data';
import { toJson } from './to-json';
import { toMarkdown } from './to-markdown';
import { toReadwiseCsv } from './to-readwise-csv';
import { toW3c } from './to-w3c';

/** Which annotations to export: all of them, those of one article, or a set chosen by id. */
export type ExportScope =
  { kind: 'all' } | { kind: 'article'; articleId: string } | { kind: 'selection'; ids: ReadonlySet<string> };

/** What the export takes from outside (the clock, a fresh id): injectable so tests get the same file every time. */
export interface ExportOptions {
  now?: Date;
  /** A UUID naming the export (the W3C collection id). */
  exportId?: string;
}

/** File extension and MIME type of each format. */
const FILE_TYPES: Record<ExportFormat, { ext: string; mime: string }> = {
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8' },
  json: { ext: 'json', mime: 'application/json' },
  w3c: { ext: 'jsonld', mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
  'readwise-csv': { ext: 'csv', mime: 'text/csv;charset=utf-8' },
};

/**
 * The annotations of `data` that `scope` covers, with all article records (formats pick the ones they need); the known
 * words belong to the whole library, so only an export of everything carries them.
 */
function selectScope(data: ExportData, scope: ExportScope): ExportData {
  if (scope.kind === 'all') return data;
  const keep =
    scope.kind === 'article'
      ? (a: ExportAnnotation) => a.articleId === scope.articleId
      : (a: ExportAnnotation) => scope.ids.has(a.id);
  return { annotations: data.annotations.filter(keep), articles: data.articles };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD`: the reader's local calendar date, as export file names carry it. */
export const localDate = (now: Date): string => `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;

/**
 * `netease-annotations-YYYY-MM-DD[-<scope>].<ext>`: the date is the reader's local calendar date; the scope suffix is
 * the article ID for one article, `selection` for a selection, nothing for everything.
 */
export function exportFileName(format: ExportFormat, scope: ExportScope, now: Date): string {
  const date = localDate(now);
  const suffix = scope.kind === 'article' ? `-${scope.articleId}` : scope.kind === 'selection' ? '-selection' : '';
  return `netease-annotations-${date}${suffix}.${FILE_TYPES[format].ext}`;
}

/** The file text of `data` in `format`. */
function render(format: ExportFormat, data: ExportData, now: Date, exportId: string): string {
  switch (format) {
    case 'markdown':
      return toMarkdown(data);
    case 'json':
      return toJson(data, now);
    case 'w3c':
      return toW3c(data, { collectionId: exportId, exportedAt: now });
    case 'readwise-csv':
      return toReadwiseCsv(data);
  }
}

/**
 * Exports the live annotations `scope` covers from `data` (all stored annotations and articles, as read from the
 * database) in `format`. Soft-deleted annotations are never exported.
 */
export function exportFile(
  format: ExportFormat,
  data: ExportData,
  scope: ExportScope,
  { now = new Date(), exportId = crypto.randomUUID() }: ExportOptions = {},
): ExportedFile {
  return {
    filename: exportFileName(format, scope, now),
    mime: FILE_TYPES[format].mime,
    text: render(format, selectScope(data, scope), now, exportId),
  };
}
