/**
 * The data model's limits and valibot schemas: what an annotation, its target and its article may hold. Messages,
 * import parsers and the UI all import them from here, so a limit is written once. Data comes from pages we do not
 * control and from files other tools wrote, so objects are strict (unknown keys such as `__proto__` are rejected) and
 * every string and number is bounded. Each issue reads after its field path, e.g. "note must be at most 10000 characters".
 */
import * as v from 'valibot';
import {
  HIGHLIGHT_COLORS,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_TRANSLATION_LENGTH,
  MAX_TRANSLATION_PROVIDER_LENGTH,
  MISSING_SELECTORS,
  SELECTOR_VERSION,
} from './annotation';
import { isNeteaseUrl } from '../netease/article-id';
import { annotationIdSchema, strict, text } from './schema-basics';
import { problem } from './problems';

export { annotationIdSchema, strict, text };

/** Largest text position accepted (UTF-16 code units into the article text). */
export const MAX_TEXT_POSITION = 10_000_000;
/** Longest quote prefix or suffix accepted (the content script keeps QUOTE_CONTEXT_LENGTH). */
export const MAX_CONTEXT_LENGTH = 256;
/** Most tags on one annotation (UI: stop offering to add more). */
export const MAX_TAGS = 50;
/** Longest tag, after trimming (UI: input maxlength). */
export const MAX_TAG_LENGTH = 100;
/** Longest article title stored. */
export const MAX_TITLE_LENGTH = 1_000;
/** Longest article source (publisher) name stored. */
export const MAX_SOURCE_LENGTH = 200;
/** Longest `publishedAt` string accepted. */
export const MAX_PUBLISHED_AT_LENGTH = 40;
/** Longest article URL accepted. */
export const MAX_URL_LENGTH = 2_000;

/** Most annotation ids in one bulk request (delete, restore, export a selection): a library 10× the size we test. */
export const MAX_BULK_IDS = 100_000;

/** ISO 8601 date, optionally with a time that then carries an offset (`Z` or `+08:00`). */
export const ISO_DATE_RE =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d))?$/;

/** A text position: a whole number in 0..MAX_TEXT_POSITION. */
const position = v.pipe(
  v.number(problem('problemNumber')),
  v.integer(problem('problemWhole')),
  v.minValue(0, problem('problemNotNegative')),
  v.maxValue(MAX_TEXT_POSITION, problem('problemAtMost', MAX_TEXT_POSITION)),
);

/** The 16-character NetEase article ID (upper-case letters and digits). */
export const articleIdSchema = v.pipe(v.string(problem('problemText')), v.regex(/^[A-Z0-9]{16}$/, problem('problemArticleId')));

/** One of the highlight colours. */
export const colorSchema = v.picklist(HIGHLIGHT_COLORS, problem('problemOneOf', HIGHLIGHT_COLORS.join(', ')));

/** A note; any text, kept verbatim (it is only ever rendered as text). */
export const noteSchema = text(0, MAX_NOTE_LENGTH);

/** Tags: each trimmed, non-empty and bounded, no repeats, a bounded count. */
export const tagsSchema = v.pipe(
  v.array(
    v.pipe(
      v.string(problem('problemText')),
      v.trim(),
      v.minLength(1, problem('problemLength', 1, MAX_TAG_LENGTH)),
      v.maxLength(MAX_TAG_LENGTH, problem('problemLength', 1, MAX_TAG_LENGTH)),
    ),
    problem('problemList'),
  ),
  v.maxLength(MAX_TAGS, problem('problemMostTags', MAX_TAGS)),
  v.check((tags) => new Set(tags).size === tags.length, problem('problemRepeatTag')),
);

/** A quote's length limit; only a target with no quote (`missing: 'quote'` or `'selectors'`) has an empty one. */
const QUOTE_LENGTH_MESSAGE = problem('problemLength', 1, MAX_QUOTE_LENGTH);

/**
 * Where the annotation sits: a quote with context and a position range, as in `AnnotationTarget`; the quote is empty
 * exactly when the target came without one (`missing: 'quote'`, or `'selectors'` for a page note).
 */
export const targetSchema = v.pipe(
  strict({
    version: v.pipe(
      v.number(problem('problemNumber')),
      v.integer(problem('problemWhole')),
      v.minValue(1, problem('problemRange', 1, SELECTOR_VERSION)),
      v.maxValue(SELECTOR_VERSION, problem('problemRange', 1, SELECTOR_VERSION)),
    ),
    selector: v.strictTuple(
      [
        strict({
          type: v.literal('TextQuoteSelector', problem('problemExactly', '"TextQuoteSelector"')),
          exact: v.pipe(v.string(problem('problemText')), v.maxLength(MAX_QUOTE_LENGTH, QUOTE_LENGTH_MESSAGE)),
          prefix: text(0, MAX_CONTEXT_LENGTH),
          suffix: text(0, MAX_CONTEXT_LENGTH),
        }),
        v.pipe(
          strict({
            type: v.literal('TextPositionSelector', problem('problemExactly', '"TextPositionSelector"')),
            start: position,
            end: position,
          }),
          v.forward(
            v.check((p) => p.start < p.end, problem('problemEndAfterStart')),
            ['end'],
          ),
        ),
      ],
      (issue) => (issue.expected === 'never' ? problem('problemSelectorPairExtra') : problem('problemSelectorPair')),
    ),
    missing: v.optional(v.picklist(MISSING_SELECTORS, problem('problemOneOf', MISSING_SELECTORS.join(', ')))),
    astralBefore: v.optional(position),
  }),
  v.forward(
    v.check((t) => (t.selector[0].exact === '') === (t.missing === 'quote' || t.missing === 'selectors'), QUOTE_LENGTH_MESSAGE),
    // The issue belongs to the quote's `exact`: valibot walks any path, its types only a path's first two keys.
    ['selector', 0, 'exact'] as unknown as ['selector', 0],
  ),
);

/** What the page says about the article; fields may be '' when the page does not say, except id and url. */
export const articleMetaSchema = strict({
  id: articleIdSchema,
  title: text(0, MAX_TITLE_LENGTH),
  source: text(0, MAX_SOURCE_LENGTH),
  publishedAt: v.pipe(
    text(0, MAX_PUBLISHED_AT_LENGTH),
    v.check((s) => s === '' || ISO_DATE_RE.test(s), problem('problemIsoDateOrEmpty')),
  ),
  url: v.pipe(text(1, MAX_URL_LENGTH), v.check(isNeteaseUrl, problem('problemNeteaseUrl'))),
});

/** A machine translation saved on a highlight, named by its service. */
export const translationSchema = strict({
  text: text(1, MAX_TRANSLATION_LENGTH),
  provider: text(1, MAX_TRANSLATION_PROVIDER_LENGTH),
});

/** A list of distinct annotation ids, at least one, bounded (bulk delete, restore, export of a selection). */
export const annotationIdsSchema = v.pipe(
  v.array(annotationIdSchema, problem('problemList')),
  v.minLength(1, problem('problemOneAnnotation')),
  v.maxLength(MAX_BULK_IDS, problem('problemMostAnnotations', MAX_BULK_IDS)),
  v.check((ids) => new Set(ids).size === ids.length, problem('problemRepeatId')),
);
