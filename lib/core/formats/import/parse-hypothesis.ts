/**
 * Reading a Hypothesis client export (the JSON file its "Export annotations" writes: `export_date`,
 * `export_userid`, `client_version`, `annotations[]`, each annotation as the Hypothesis API returns it).
 *
 * Per annotation:
 * - a reply (`references` names the annotations it answers) is skipped, and counted;
 * - one on a page that is not a NetEase article (`uri`, else its target's `source`) is skipped, and counted;
 * - the quote: the target's `TextQuoteSelector` (Hypothesis keeps 32 characters of context, as we do), without a
 *   position — Hypothesis counts positions over the whole page, not the article body, so its
 *   `TextPositionSelector` says nothing here (`missing: 'position'`);
 * - a page note (a target without selectors) becomes a note on the article (`missing: 'selectors'`);
 * - note: `text` (Markdown kept as text), tags: `tags`, created/updated: `created`/`updated`;
 * - id: a UUID derived from the Hypothesis id (`stableUuid`), so a re-import matches the annotations by id;
 * - its article's record: the document's title and the desktop URL, dated 0 so a stored record wins.
 * Every record is then validated like any other import.
 */
import { HIGHLIGHT_COLORS, type AnnotationTarget, type ArticleRecord } from '../../model/annotation';
import { MAX_TITLE_LENGTH } from '../../model/schemas';
import { readerText, type ReaderText } from '../../model/reader-text';
import { parseArticleUrl, type ArticleUrl } from '../../netease/article-id';
import type { ExportAnnotation } from '../export/export-data';
import {
  annotationRecordSchema,
  articleRecordSchema,
  check,
  type Checked,
  type ParseRejection,
  type ParseResult,
} from './import-records';
import { asList, desktopUrl, fail, isObject, readTime, type JsonObject } from './json-read';
import { locate, MAX_W3C_ITEMS, PAGE_NOTE_TARGET, readSelectors } from './parse-w3c';
import { stableUuid } from './stable-uuid';

/** Whether a parsed JSON file is a Hypothesis export: an object with its export fields and a list of annotations. */
export const isHypothesisExport = (root: unknown): root is JsonObject =>
  isObject(root) &&
  Array.isArray(root.annotations) &&
  ('export_date' in root || 'export_userid' in root || 'client_version' in root);

/** What became of one item of the export. */
type Read =
  | { kind: 'annotation'; annotation: ExportAnnotation; article: ArticleRecord }
  | { kind: 'reply' }
  | { kind: 'other-site' }
  | { kind: 'rejected'; reason: ReaderText };

/** The page an annotation is on: its `uri`, else its first target's `source`. */
function pageOf(item: JsonObject, target: JsonObject | undefined): unknown {
  return typeof item.uri === 'string' ? item.uri : target?.source;
}

/** The annotation's target: its quote without a position, or a page note's when it has no selectors. */
function readTarget(target: JsonObject | undefined): Checked<AnnotationTarget> {
  if (!target || asList(target.selector).length === 0) return { ok: true, value: PAGE_NOTE_TARGET };
  const { quote } = locate(target);
  if (!quote) {
    return fail(readerText('importHypothesisNoQuote'));
  }
  return readSelectors({ quote, position: undefined });
}

/** The document title Hypothesis recorded (`document.title`, one string or a list), '' when none. */
function readTitle(item: JsonObject): string {
  const title = isObject(item.document) ? asList(item.document.title)[0] : undefined;
  return typeof title === 'string' ? title.trim() : '';
}

function readItem(item: unknown, now: number): Read {
  if (!isObject(item)) return { kind: 'rejected', reason: readerText('importNotAnnotation') };
  if (asList(item.references).length > 0) return { kind: 'reply' };
  const target = asList(item.target).find(isObject);
  const page = pageOf(item, target);
  const articleUrl: ArticleUrl | null = typeof page === 'string' ? parseArticleUrl(page) : null;
  if (!articleUrl) return { kind: 'other-site' };
  const read = readTarget(target);
  if (!read.ok) return { kind: 'rejected', reason: read.reason };
  const created = readTime(item, 'created');
  if (!created.ok) return { kind: 'rejected', reason: created.reason };
  const updated = readTime(item, 'updated');
  if (!updated.ok) return { kind: 'rejected', reason: updated.reason };
  const createdAt = created.value ?? updated.value ?? now;
  const tags = asList(item.tags).map((t) => (typeof t === 'string' ? t.trim() : t));
  const annotation = check(annotationRecordSchema, {
    id: stableUuid(`hypothesis:${String(item.id)}`),
    articleId: articleUrl.id,
    color: HIGHLIGHT_COLORS[0],
    note: item.text ?? '',
    tags: [...new Set(tags)],
    target: read.value,
    createdAt,
    updatedAt: updated.value ?? createdAt,
    deletedAt: null,
  });
  if (!annotation.ok) return { kind: 'rejected', reason: annotation.reason };
  const article = check(articleRecordSchema, {
    id: articleUrl.id,
    title: readTitle(item).slice(0, MAX_TITLE_LENGTH),
    source: '',
    publishedAt: '',
    url: desktopUrl(page as string, articleUrl),
    updatedAt: 0,
  });
  if (!article.ok) return { kind: 'rejected', reason: readerText('importInField', 'uri', article.reason) };
  return { kind: 'annotation', annotation: annotation.value, article: article.value };
}

/** Parses a Hypothesis export (see the module comment); `now` dates the undated annotations. */
export function parseHypothesis(root: JsonObject, now: number): ParseResult {
  const items = root.annotations as unknown[];
  if (items.length > MAX_W3C_ITEMS) {
    return { ok: false, error: readerText('importTooMany', MAX_W3C_ITEMS) };
  }
  const annotations: ExportAnnotation[] = [];
  const articles = new Map<string, ArticleRecord>();
  const rejected: ParseRejection[] = [];
  const skipped = { replies: 0, otherSites: 0 };
  items.forEach((item, index) => {
    const read = readItem(item, now);
    if (read.kind === 'reply') skipped.replies++;
    else if (read.kind === 'other-site') skipped.otherSites++;
    else if (read.kind === 'rejected') rejected.push({ index, reason: read.reason });
    else {
      annotations.push(read.annotation);
      const seen = articles.get(read.article.id);
      if (!seen || (!seen.title && read.article.title)) articles.set(read.article.id, read.article);
    }
  });
  return { ok: true, value: { format: 'hypothesis', annotations, articles: [...articles.values()], rejected, skipped } };
}
