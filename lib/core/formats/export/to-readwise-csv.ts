/**
 * CSV in Readwise's import layout (`Highlight,Title,Author,URL,Note,Location,Date`), RFC 4180: CRLF line ends, and a
 * field quoted (its quotes doubled) when it holds a comma, a quote or a line break, which Chinese text often does.
 * Line breaks inside a field stay as they are (LF), inside its quotes, as spreadsheet apps write them.
 *
 * Readwise's limits are those its highlight API documents (readwise.io/api_deets): highlight text and note 8,191
 * characters each, title 511, author 1,024, URL 2,047. The CSV import takes the same fields.
 * - Highlight: the quote, verbatim up to 8,191 characters. A longer quote is cut to fit (never inside a surrogate
 *   pair) and ends with `…`, and its Note says so with both lengths, so nothing is cut silently.
 * - Title / Author / URL: the article's title, source (publisher) and URL, cut with `…` at their limits.
 * - Note: the tags first as Readwise inline tags (`.tag`, spaces turned into `-`), then the note, the translation and
 *   the truncation notice, separated by blank lines. Over 8,191 characters it is cut and ends with a marker saying
 *   how much of it is kept.
 * - Location: the highlight's place in its article's reading order (1, 2, 3 …), which Readwise sorts by.
 * - Date: when the highlight was made, `YYYY-MM-DD HH:MM:SS` in UTC.
 *
 * The file starts with a UTF-8 byte order mark: without it Excel reads a CSV in the system code page and shows
 * Chinese as mojibake. Excel's own "CSV UTF-8" format writes the same mark, and Readwise's CSV import is meant for
 * spreadsheets filled in by hand, so it has to accept it. (Not verified against the live service from here.)
 * A cell a spreadsheet would run as a formula is neutralised (`csv.ts`); Readwise then shows the `'` too — the price
 * of a file that is safe to open.
 */
import { quoteOf } from '../../model/annotation';
import { isHighSurrogate } from '../../anchoring/surrogates';
import { codePointLength } from './code-points';
import { BOM, csvRecord } from './csv';
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

/** Longest note Readwise imports. */
export const READWISE_MAX_NOTE_LENGTH = 8191;

/** Longest title, author and URL Readwise imports. */
const READWISE_MAX = { title: 511, author: 1024, url: 2047 } as const;

/** Readwise's column names, in order. */
const HEADER = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'];

/** `text` cut to at most `max` UTF-16 units ending in `…`, never between the halves of a surrogate pair. */
function truncate(text: string, max: number): string {
  const cut = isHighSurrogate(text.charCodeAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

/** `text` as it fits in `max` characters: whole, or cut with `…`. */
const fit = (text: string, max: number): string => (text.length <= max ? text : truncate(text, max));

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

/** The marker ending a Note cut to Readwise's limit: how much of it is kept. */
const noteMarker = (kept: number, total: number): string =>
  `\n\n[Note shortened for Readwise: the first ${kept} of its ${total} characters are kept.]`;

/**
 * The Note cell: inline tags, note, translation and truncation notice, in that order, blank-line separated; cut to
 * READWISE_MAX_NOTE_LENGTH with a marker when longer.
 */
function noteCell(annotation: ExportAnnotation, notice: string): string {
  const { tags, note, translation } = annotation;
  const cell = [
    tags.map((tag) => `.${tag.replace(/\s+/g, '-')}`).join(' '),
    note.trim(),
    translation ? `Translation (${translation.provider}): ${translation.text}` : '',
    notice,
  ]
    .filter(Boolean)
    .join('\n\n');
  if (cell.length <= READWISE_MAX_NOTE_LENGTH) return cell;
  const total = codePointLength(cell);
  // The marker's own length depends on the count it names; the total's digits bound it from above.
  const room = READWISE_MAX_NOTE_LENGTH - noteMarker(total, total).length;
  const kept = truncate(cell, room);
  return kept + noteMarker(codePointLength(kept) - 1, total);
}

/** The CSV rows of one article's highlights. */
function articleRows(group: ArticleGroup): string[] {
  return group.annotations.map((annotation, i) => {
    const { highlight, notice } = fitHighlight(quoteOf(annotation).exact);
    return csvRecord([
      highlight,
      fit(articleTitle(group), READWISE_MAX.title),
      fit(group.article?.source ?? '', READWISE_MAX.author),
      fit(articleUrl(group), READWISE_MAX.url),
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
