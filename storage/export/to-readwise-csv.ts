/**
 * CSV in Readwise's import layout (`Highlight,Title,Author,URL,Note,Location,Date`), RFC 4180: CRLF line ends, and a
 * field quoted (its quotes doubled) when it holds a comma, a quote or a line break, which Chinese text often does.
 *
 * - Highlight: the quote, verbatim up to Readwise's limit of 8,191 characters. A longer quote is cut to fit (never
 *   inside a surrogate pair) and ends with `…`, and its Note says so with both lengths, so nothing is cut silently.
 * - Title / Author / URL: the article's title, source (publisher) and URL.
 * - Note: the tags first as Readwise inline tags (`.tag`, spaces turned into `-`), then the note, the translation and
 *   the truncation notice, separated by blank lines.
 * - Location: the highlight's place in its article's reading order (1, 2, 3 …), which Readwise sorts by.
 * - Date: when the highlight was made, `YYYY-MM-DD HH:MM:SS` in UTC.
 *
 * The file starts with a UTF-8 byte order mark: without it Excel reads a CSV in the system code page and shows
 * Chinese as mojibake. Excel's own "CSV UTF-8" format writes the same mark, and Readwise's CSV import is meant for
 * spreadsheets filled in by hand, so it has to accept it. (Not verified against the live service from here.)
 * Cells are written verbatim, with no spreadsheet-formula guard: a leading `'` would end up in Readwise highlights
 * that begin with `=`, `+`, `-` or `@`, such as @-mentions.
 */
import { quoteOf } from '../../lib/model/annotation';
import { isHighSurrogate } from '../../lib/anchoring/surrogates';
import { codePointLength } from './code-points';
import {
  articleTitle,
  articleUrl,
  groupByArticle,
  type ArticleGroup,
  type ExportAnnotation,
  type ExportData,
} from './export-data';

/** Longest highlight Readwise imports, in characters (counted here in UTF-16 units, which is never fewer). */
export const READWISE_MAX_HIGHLIGHT_LENGTH = 8191;

/** Readwise's column names, in order. */
const HEADER = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'];

/** The UTF-8 byte order mark, as the first character of the text. */
const BOM = '\uFEFF';

/** One RFC 4180 field: quoted, with quotes doubled, when it contains a comma, a quote, CR or LF. */
const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** One CSV record with its CRLF. */
const csvRecord = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** `text` cut to at most `max` UTF-16 units ending in `…`, never between the halves of a surrogate pair. */
function truncate(text: string, max: number): string {
  const cut = isHighSurrogate(text.charCodeAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

/** The Highlight cell for a quote, and the notice for the Note cell when the quote had to be shortened ('' if not). */
function fitHighlight(exact: string): { highlight: string; notice: string } {
  if (exact.length <= READWISE_MAX_HIGHLIGHT_LENGTH) return { highlight: exact, notice: '' };
  const highlight = truncate(exact, READWISE_MAX_HIGHLIGHT_LENGTH);
  const kept = codePointLength(highlight) - 1;
  const total = codePointLength(exact);
  const notice = `[Highlight shortened for Readwise: the first ${kept} of its ${total} characters are kept.]`;
  return { highlight, notice };
}

/** `YYYY-MM-DD HH:MM:SS` in UTC. */
const utcDateTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The Note cell: inline tags, note, translation and truncation notice, in that order, blank-line separated. */
function noteCell(annotation: ExportAnnotation, notice: string): string {
  const { tags, note, translation } = annotation;
  return [
    tags.map((tag) => `.${tag.replace(/\s+/g, '-')}`).join(' '),
    note.trim(),
    translation ? `Translation (${translation.provider}): ${translation.text}` : '',
    notice,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The CSV rows of one article's highlights. */
function articleRows(group: ArticleGroup): string[] {
  return group.annotations.map((annotation, i) => {
    const { highlight, notice } = fitHighlight(quoteOf(annotation).exact);
    return csvRecord([
      highlight,
      articleTitle(group),
      group.article?.source ?? '',
      articleUrl(group),
      noteCell(annotation, notice),
      String(i + 1),
      utcDateTime(annotation.createdAt),
    ]);
  });
}

/** The Readwise CSV for `data`: BOM, header, then one row per live annotation in the shared export order. */
export function toReadwiseCsv(data: ExportData): string {
  return BOM + csvRecord(HEADER) + groupByArticle(data).flatMap(articleRows).join('');
}
