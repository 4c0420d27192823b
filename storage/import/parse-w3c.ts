/**
 * Reading W3C Web Annotations (JSON-LD), from this extension's export or from other tools: an `AnnotationCollection`
 * (its embedded pages, or `items` directly on it), an `AnnotationPage`, a single `Annotation`, or a bare list.
 *
 * Objects are read leniently (other tools add their own properties; only the fields below are looked at, and no
 * object is copied, so keys such as `__proto__` have no effect); everything taken is then validated with the same
 * record schema as the native format. Per annotation:
 * - target: the first target object holding a `TextQuoteSelector`; its `source` (a URL, or an object with `id`) must
 *   be a NetEase article, whose ID keys the annotation. Selectors may be one object or a list; other selector types
 *   (`RangeSelector`, `XPathSelector` …) are ignored.
 * - position: a `TextPositionSelector`'s code-point `start`, converted to UTF-16 (see `code-points.ts`), the end
 *   following from the quote. With only a quote the position is 0 to the quote's length: re-anchoring then finds the
 *   quote by its text and context, the first match winning a tie.
 * - note: `bodyValue` and the values of `TextualBody`s whose purpose is `commenting` or unset, blank-line joined;
 *   tags: the values of bodies with purpose `tagging`; other bodies (e.g. our `describing` translation) are ignored.
 * - colour: the first token of `target.styleClass` that names a highlight colour (as our export writes it), else the
 *   default colour.
 * - id: kept when it is `urn:uuid:<uuid>` (so re-importing our export matches by id), else a fresh UUID;
 *   created/modified: ISO 8601, defaulting to each other, then to the import time.
 * Each new article gets a record with only its URL (desktop form), dated 0 so any stored record of it wins.
 */
import * as v from 'valibot';
import {
  HIGHLIGHT_COLORS,
  SELECTOR_VERSION,
  type ArticleRecord,
  type HighlightColor,
} from '../../lib/model/annotation';
import { annotationIdSchema, ISO_DATE_RE } from '../../lib/messaging/schemas';
import { desktopArticleUrl, parseArticleUrl, type ArticleUrl } from '../../lib/netease/article-id';
import { toUtf16Span, type Span } from '../export/code-points';
import type { ExportAnnotation } from '../export/export-data';
import { URN_UUID_PREFIX } from '../export/to-w3c';
import {
  annotationRecordSchema,
  articleRecordSchema,
  check,
  type Checked,
  type ParseResult,
} from './import-records';
import type { ImportRejection } from '../../lib/model/exchange';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON-LD property as a list: absent is empty, a single value is a list of one. */
const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Whether a JSON-LD object has `type` (a string or one of a list). */
const hasType = (node: JsonObject, type: string): boolean => asList(node.type).includes(type);

/** Longest piece of file content quoted back in a reason. */
const MAX_QUOTED = 100;
const quoted = (text: string): string => (text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** A document's annotations, or why they are not in the file. */
type AnnotationList = { ok: true; items: unknown[] } | { ok: false; error: string };

/** The annotations of a chain of embedded `AnnotationPage`s starting at `first` (an empty collection has none). */
function pageItems(first: unknown): AnnotationList {
  let items: unknown[] = [];
  for (let page = first; page !== undefined; page = isObject(page) ? page.next : undefined) {
    if (!isObject(page) || !Array.isArray(page.items)) {
      return {
        ok: false,
        error: 'This annotation collection does not contain its annotations: its pages are only linked, not included.',
      };
    }
    items = items.concat(page.items);
  }
  return { ok: true, items };
}

/** The annotations of a W3C document, or null when `root` is not one. */
function annotationList(root: unknown): AnnotationList | null {
  if (Array.isArray(root)) return { ok: true, items: root };
  if (!isObject(root)) return null;
  if (hasType(root, 'Annotation')) return { ok: true, items: [root] };
  if (hasType(root, 'AnnotationPage')) return pageItems(root);
  if (!hasType(root, 'AnnotationCollection')) return null;
  return Array.isArray(root.items) ? { ok: true, items: root.items } : pageItems(root.first);
}

/** A W3C date (`created`, `modified`) as ms since the epoch; null when absent. */
function readTime(node: JsonObject, field: 'created' | 'modified'): Checked<number | null> {
  const value = node[field];
  if (value === undefined) return { ok: true, value: null };
  const ms = typeof value === 'string' && ISO_DATE_RE.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? { ok: true, value: ms } : fail(`${field} must be an ISO 8601 date`);
}

/** The canonical desktop URL of a parsed article URL: desktop and legacy URLs without query or hash, else rebuilt. */
function desktopUrl(url: string, parsed: ArticleUrl): string {
  if (parsed.kind !== 'desktop' && parsed.kind !== 'legacy') return desktopArticleUrl(parsed.id, parsed.channel);
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}`;
}

const isColor = (token: string): token is HighlightColor => (HIGHLIGHT_COLORS as readonly string[]).includes(token);

/** The first selector of `type` among a target's selectors. */
const selectorOf = (target: JsonObject, type: string): JsonObject | undefined =>
  asList(target.selector).find((s): s is JsonObject => isObject(s) && s.type === type);

/**
 * Where the quote sits, in UTF-16 units: from a TextPositionSelector's code-point start, or 0 without one. A quote or
 * prefix that is not text gets an empty span here; the record schema then refuses it by name.
 */
function readSpan(target: JsonObject, exact: unknown, prefix: unknown): Checked<Span> {
  if (typeof exact !== 'string' || typeof prefix !== 'string') return { ok: true, value: { start: 0, end: 0 } };
  const position = selectorOf(target, 'TextPositionSelector');
  if (!position) return { ok: true, value: { start: 0, end: exact.length } };
  const { start } = position;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) {
    return fail('TextPositionSelector.start must be a whole number, not negative');
  }
  return { ok: true, value: toUtf16Span({ exact, prefix }, start) };
}

/** Note and tags from `bodyValue` and the annotation's `TextualBody`s. */
function readBodies(item: JsonObject): Checked<{ note: string; tags: unknown[] }> {
  const notes = asList(item.bodyValue);
  const tags: unknown[] = [];
  for (const body of asList(item.body)) {
    if (!isObject(body) || (body.type !== undefined && !hasType(body, 'TextualBody'))) continue;
    const purposes = asList(body.purpose);
    if (purposes.includes('tagging')) tags.push(typeof body.value === 'string' ? body.value.trim() : body.value);
    else if (purposes.length === 0 || purposes.includes('commenting')) notes.push(body.value);
  }
  if (!notes.every((n): n is string => typeof n === 'string')) return fail('a comment body value must be text');
  return { ok: true, value: { note: notes.join('\n\n'), tags: [...new Set(tags)] } };
}

/** The first target holding a TextQuoteSelector, its source URL and the NetEase article that URL names. */
function readTarget(item: JsonObject): Checked<{ target: JsonObject; source: string; article: ArticleUrl }> {
  const target = asList(item.target).find(
    (t): t is JsonObject => isObject(t) && selectorOf(t, 'TextQuoteSelector') !== undefined,
  );
  if (!target) return fail('has no target with a TextQuoteSelector: only quoted text can be found again on the page');
  const source = isObject(target.source) ? target.source.id : target.source;
  if (typeof source !== 'string') return fail('target.source must be the address of the article');
  const article = parseArticleUrl(source);
  if (!article) return fail(`target.source is not a NetEase article: ${quoted(source)}`);
  return { ok: true, value: { target, source, article } };
}

/** The highlight colour named by the first matching token of `target.styleClass`, else the default colour. */
const readColor = (target: JsonObject): HighlightColor =>
  (typeof target.styleClass === 'string' ? target.styleClass.split(/\s+/) : []).find(isColor) ?? HIGHLIGHT_COLORS[0];

/** The annotation's id: the UUID of a `urn:uuid:` id, else a fresh one. */
function readId(item: JsonObject): string {
  const { id } = item;
  const urn = typeof id === 'string' && id.startsWith(URN_UUID_PREFIX) ? id.slice(URN_UUID_PREFIX.length) : '';
  return v.is(annotationIdSchema, urn) ? urn : crypto.randomUUID();
}

/** One W3C annotation as a stored annotation and its article's record, or why it cannot be imported. */
function readAnnotation(item: unknown, now: number): Checked<{ annotation: ExportAnnotation; article: ArticleRecord }> {
  if (!isObject(item)) return fail('is not an annotation (an object)');
  const located = readTarget(item);
  if (!located.ok) return located;
  const { target, source, article: articleUrl } = located.value;
  const { exact, prefix = '', suffix = '' } = selectorOf(target, 'TextQuoteSelector')!;
  const span = readSpan(target, exact, prefix);
  if (!span.ok) return span;
  const bodies = readBodies(item);
  if (!bodies.ok) return bodies;
  const created = readTime(item, 'created');
  if (!created.ok) return created;
  const modified = readTime(item, 'modified');
  if (!modified.ok) return modified;

  const createdAt = created.value ?? modified.value ?? now;
  const annotation = check(annotationRecordSchema, {
    id: readId(item),
    articleId: articleUrl.id,
    color: readColor(target),
    note: bodies.value.note,
    tags: bodies.value.tags,
    target: {
      version: SELECTOR_VERSION,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', ...span.value },
      ],
    },
    createdAt,
    updatedAt: modified.value ?? createdAt,
    deletedAt: null,
  });
  if (!annotation.ok) return annotation;
  const article = check(articleRecordSchema, {
    id: articleUrl.id,
    title: '',
    source: '',
    publishedAt: '',
    url: desktopUrl(source, articleUrl),
    updatedAt: 0,
  });
  if (!article.ok) return fail(`target.source: ${article.reason}`);
  return { ok: true, value: { annotation: annotation.value, article: article.value } };
}

/**
 * Parses a W3C Web Annotation document (`root` is the parsed JSON); null when `root` is not one. Annotations that
 * cannot be imported are refused with their index in the document's annotation list; `now` dates the undated ones.
 */
export function parseW3c(root: unknown, now: number): ParseResult | null {
  const list = annotationList(root);
  if (list === null || !list.ok) return list;
  const annotations: ExportAnnotation[] = [];
  const articles = new Map<string, ArticleRecord>();
  const rejected: ImportRejection[] = [];
  list.items.forEach((item, index) => {
    const read = readAnnotation(item, now);
    if (!read.ok) {
      rejected.push({ index, reason: read.reason });
      return;
    }
    annotations.push(read.value.annotation);
    articles.set(read.value.article.id, read.value.article);
  });
  return { ok: true, value: { format: 'w3c', annotations, articles: [...articles.values()], rejected } };
}
