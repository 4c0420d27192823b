/**
 * Reading W3C Web Annotations (JSON-LD), from this extension's export or from other tools: an `AnnotationCollection`
 * (its embedded pages, or `items` directly on it), an `AnnotationPage`, a single `Annotation`, or a bare list.
 *
 * Objects are read leniently (other tools add their own properties; only the fields below are looked at, and no
 * object is copied, so keys such as `__proto__` have no effect); everything taken is then validated with the same
 * record schema as the native format. Per annotation:
 * - target: the first target object holding a `TextQuoteSelector` — its own, or one refining another selector
 *   (`refinedBy`: an `XPathSelector` or `CssSelector` naming an element, refined by a quote in it) — else the first
 *   with a `TextPositionSelector`; its `source` (a URL, or an object with `id`) must be a NetEase article, whose ID
 *   keys the annotation. Selectors may be one object or a list; other selector types (`RangeSelector`,
 *   `XPathSelector` …) are not evaluated.
 * - position: a `TextPositionSelector`'s code-point `start`, converted to UTF-16 (see `code-points.ts`), the end
 *   following from the quote. With only a quote the target is marked `missing: 'position'` (re-anchoring finds the
 *   quote by its text and context alone, and copies it cannot tell apart are orphans); with only a position, marked
 *   `missing: 'quote'`, its code points kept for re-anchoring to count over the page's text. An empty quote is
 *   refused: it marks a point, not text to highlight.
 * - size: at most MAX_W3C_ITEMS annotations in MAX_W3C_PAGES embedded pages, gathered in linear time; a file over
 *   either is refused as a whole.
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
  MAX_QUOTE_LENGTH,
  SELECTOR_VERSION,
  type AnnotationTarget,
  type ArticleRecord,
  type HighlightColor,
} from '../../model/annotation';
import { annotationIdSchema } from '../../model/schemas';
import { parseArticleUrl, type ArticleUrl } from '../../netease/article-id';
import { toUtf16Span, type Span } from '../export/code-points';
import type { ExportAnnotation } from '../export/export-data';
import { URN_UUID_PREFIX } from '../export/to-w3c';
import {
  annotationRecordSchema,
  articleRecordSchema,
  check,
  type Checked,
  type ParseRejection,
  type ParseResult,
} from './import-records';
import { readerText, type ReaderText } from '../../model/reader-text';
import { asList, desktopUrl, fail, isObject, quoted, readTime, type JsonObject } from './json-read';

/** Whether a JSON-LD object has `type` (a string or one of a list). */
const hasType = (node: JsonObject, type: string): boolean => asList(node.type).includes(type);

/** A document's annotations, or why they are not in the file. */
type AnnotationList = { ok: true; items: unknown[] } | { ok: false; error: ReaderText };

/**
 * Most annotations a W3C file may hold: more than the largest importable file can describe (a W3C annotation takes
 * about 1.3 KB; an empty object 3 bytes, so junk could reach ten million), checked before any is read.
 */
export const MAX_W3C_ITEMS = 100_000;

/** Most embedded pages a W3C collection may chain (one annotation each at worst). */
const MAX_W3C_PAGES = MAX_W3C_ITEMS;

const tooMany = (): { ok: false; error: ReaderText } => ({ ok: false, error: readerText('importTooManyW3c', MAX_W3C_ITEMS) });

/** Most selectors of one target looked at, `refinedBy` chains included. */
const MAX_SELECTORS = 32;

/**
 * The annotations of a chain of embedded `AnnotationPage`s starting at `first` (an empty collection has none), in
 * time linear in their number: each page's items are appended in place, and the walk stops with a refusal once the
 * pages or annotations exceed what any importable file holds (`MAX_W3C_PAGES`, `MAX_W3C_ITEMS`).
 */
function pageItems(first: unknown): AnnotationList {
  const items: unknown[] = [];
  let pages = 0;
  for (let page = first; page !== undefined; page = isObject(page) ? page.next : undefined) {
    if (!isObject(page) || !Array.isArray(page.items)) {
      return { ok: false, error: readerText('importLinkedPages') };
    }
    if (++pages > MAX_W3C_PAGES || items.length + page.items.length > MAX_W3C_ITEMS) return tooMany();
    for (const item of page.items) items.push(item);
  }
  return { ok: true, items };
}

/** The annotations of a W3C document, or null when `root` is not one. */
function annotationList(root: unknown): AnnotationList | null {
  if (Array.isArray(root)) return root.length > MAX_W3C_ITEMS ? tooMany() : { ok: true, items: root };
  if (!isObject(root)) return null;
  if (hasType(root, 'Annotation')) return { ok: true, items: [root] };
  if (hasType(root, 'AnnotationPage')) return pageItems(root);
  if (!hasType(root, 'AnnotationCollection')) return null;
  if (!Array.isArray(root.items)) return pageItems(root.first);
  return root.items.length > MAX_W3C_ITEMS ? tooMany() : { ok: true, items: root.items };
}

const isColor = (token: string): token is HighlightColor => (HIGHLIGHT_COLORS as readonly string[]).includes(token);

/**
 * The selectors of a target: its own, and those they are refined by (`refinedBy`, e.g. an XPathSelector or
 * CssSelector naming an element, refined by a quote in it), depth first, at most MAX_SELECTORS.
 */
function selectorsOf(target: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const pending = asList(target.selector).reverse();
  while (pending.length > 0 && found.length < MAX_SELECTORS) {
    const selector = pending.pop();
    if (!isObject(selector)) continue;
    found.push(selector);
    pending.push(...asList(selector.refinedBy).reverse());
  }
  return found;
}

/** A target's quote and position, as found among its selectors (see `selectorsOf`). */
export interface Located {
  quote: JsonObject | undefined;
  /** A TextPositionSelector among the target's own (a refining one counts within its element: not usable). */
  position: JsonObject | undefined;
}

export function locate(target: JsonObject): Located {
  const own = asList(target.selector).filter(isObject);
  return {
    quote: selectorsOf(target).find((s) => s.type === 'TextQuoteSelector'),
    position: own.find((s) => s.type === 'TextPositionSelector'),
  };
}

/** A code-point offset of a TextPositionSelector, or why it is not one. */
function readOffset(position: JsonObject, field: 'start' | 'end'): Checked<number> {
  const value = position[field];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? { ok: true, value }
    : fail(readerText('importBadOffset', `TextPositionSelector.${field}`));
}

/**
 * Where the quote sits, in UTF-16 units: from a TextPositionSelector's code-point start; without one, a placeholder
 * (0 to the quote's length) and `missing: 'position'`. A quote or prefix that is not text gets an empty span here;
 * the record schema then refuses it by name.
 */
function readSpan(
  position: JsonObject | undefined,
  exact: unknown,
  prefix: unknown,
): Checked<Span & Pick<AnnotationTarget, 'missing'>> {
  if (typeof exact !== 'string' || typeof prefix !== 'string') return { ok: true, value: { start: 0, end: 0 } };
  if (!position) return { ok: true, value: { start: 0, end: exact.length, missing: 'position' } };
  const start = readOffset(position, 'start');
  return start.ok ? { ok: true, value: toUtf16Span({ exact, prefix }, start.value) } : start;
}

/** A target with a position only: its code-point span kept as it is (see `MissingSelector`). */
function positionOnlyTarget(position: JsonObject): Checked<AnnotationTarget> {
  const start = readOffset(position, 'start');
  if (!start.ok) return start;
  const end = readOffset(position, 'end');
  if (!end.ok) return end;
  return {
    ok: true,
    value: {
      version: SELECTOR_VERSION,
      selector: [
        { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: start.value, end: end.value },
      ],
      missing: 'quote',
    },
  };
}

/** The target of a page note: no quote, no place (see `MissingSelector`). */
export const PAGE_NOTE_TARGET: AnnotationTarget = {
  version: SELECTOR_VERSION,
  selector: [
    { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: 0, end: 1 },
  ],
  missing: 'selectors',
};

/** The stored target for a located quote and position, or a page note's when there is neither. */
export function readSelectors({ quote, position }: Located): Checked<AnnotationTarget> {
  if (!quote && !position) return { ok: true, value: PAGE_NOTE_TARGET };
  if (!quote) return positionOnlyTarget(position!);
  const { exact, prefix = '', suffix = '' } = quote;
  if (exact === '') {
    return fail(readerText('importEmptyQuote', 'target.selector.0.exact', MAX_QUOTE_LENGTH));
  }
  const span = readSpan(position, exact, prefix);
  if (!span.ok) return span;
  const { missing, ...offsets } = span.value;
  return {
    ok: true,
    value: {
      version: SELECTOR_VERSION,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix } as AnnotationTarget['selector'][0],
        { type: 'TextPositionSelector', ...offsets },
      ],
      ...(missing && { missing }),
    },
  };
}

/** Note and tags from `bodyValue` and the annotation's `TextualBody`s. */
function readBodies(item: JsonObject): Checked<{ note: string; tags: unknown[]; translation?: unknown }> {
  const notes = asList(item.bodyValue);
  const tags: unknown[] = [];
  let translation: unknown;
  for (const body of asList(item.body)) {
    if (!isObject(body) || (body.type !== undefined && !hasType(body, 'TextualBody'))) continue;
    const purposes = asList(body.purpose);
    if (purposes.includes('tagging')) tags.push(typeof body.value === 'string' ? body.value.trim() : body.value);
    else if (purposes.length === 0 || purposes.includes('commenting')) notes.push(body.value);
    else if (purposes.includes('describing') && translation === undefined) translation = readTranslation(body);
  }
  if (!notes.every((n): n is string => typeof n === 'string')) return fail(readerText('importCommentNotText'));
  return { ok: true, value: { note: notes.join('\n\n'), tags: [...new Set(tags)], translation } };
}

/**
 * A `describing` body made by a `Software` (as our export writes a translation): the translation and the service
 * that made it; undefined for any other describing body.
 */
function readTranslation(body: JsonObject): unknown {
  const creator = asList(body.creator).find(isObject);
  if (!creator || !hasType(creator, 'Software')) return undefined;
  return { text: body.value, provider: creator.name };
}

/**
 * The article's record as the target's `source` object describes it (our export writes the page's title as
 * `schema:name`, its publisher as `creator.name`, its publication date as `schema:datePublished`, and when the
 * record was last updated as `modified`); without that date it is dated 0, so a stored record wins over it.
 */
function readArticle(target: JsonObject, url: string, id: string): Record<string, unknown> {
  const source = isObject(target.source) ? target.source : {};
  const publisher = asList(source.creator).find(isObject);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const modified = readTime(source, 'modified');
  return {
    id,
    title: text(source['schema:name']),
    source: text(publisher?.name),
    publishedAt: text(source['schema:datePublished']),
    url,
    updatedAt: modified.ok ? (modified.value ?? 0) : 0,
  };
}

/** Why an annotation with neither selector nor note cannot be imported. */
const NO_SELECTOR = readerText('importNoSelector');

/**
 * The first target holding a TextQuoteSelector (its own, or refining another selector), else a TextPositionSelector,
 * else none (a page note), its source URL and the NetEase article that URL names.
 */
function readTarget(item: JsonObject): Checked<{ target: JsonObject; located: Located; source: string; article: ArticleUrl }> {
  const targets = asList(item.target).filter(isObject);
  const withLocation = targets.map((target) => ({ target, located: locate(target) }));
  // Else the first target: without selectors, a note on it is a page note.
  const chosen =
    withLocation.find((t) => t.located.quote !== undefined) ??
    withLocation.find((t) => t.located.position !== undefined) ??
    withLocation.find((t) => asList(t.target.selector).length === 0);
  if (!chosen) return fail(NO_SELECTOR);
  const { target } = chosen;
  const source = isObject(target.source) ? target.source.id : target.source;
  if (typeof source !== 'string') return fail(readerText('importNoSource'));
  const article = parseArticleUrl(source);
  if (!article) return fail(readerText('importNotArticle', 'target.source', quoted(source)));
  return { ok: true, value: { target, located: chosen.located, source, article } };
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
  if (!isObject(item)) return fail(readerText('importNotAnnotation'));
  const found = readTarget(item);
  if (!found.ok) return found;
  const { target, located, source, article: articleUrl } = found.value;
  const selectors = readSelectors(located);
  if (!selectors.ok) return selectors;
  const bodies = readBodies(item);
  if (!bodies.ok) return bodies;
  if (selectors.value.missing === 'selectors' && bodies.value.note === '') return fail(NO_SELECTOR);
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
    target: selectors.value,
    createdAt,
    updatedAt: modified.value ?? createdAt,
    deletedAt: null,
    ...(bodies.value.translation !== undefined && { translation: bodies.value.translation }),
  });
  if (!annotation.ok) return annotation;
  const url = desktopUrl(source, articleUrl);
  // What the source says of the article is a bonus: when it is not valid, the article is known by its URL alone.
  const described = check(articleRecordSchema, readArticle(target, url, articleUrl.id));
  const article = described.ok ? described : check(articleRecordSchema, readArticle({}, url, articleUrl.id));
  if (!article.ok) return fail(readerText('importInField', 'target.source', article.reason));
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
  const rejected: ParseRejection[] = [];
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
