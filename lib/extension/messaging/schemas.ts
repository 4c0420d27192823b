/**
 * Valibot schemas for the payload of every request in the message map. Messages come from pages we do not control
 * (a compromised 163.com page can talk to its content script), so the receiver validates everything: objects are
 * strict (unknown keys such as `__proto__` or `constructor` are rejected) and every string and number is bounded.
 * Each message reads after the field path, e.g. "annotation.note must be at most 10000 characters".
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
} from '../../core/model/annotation';
import type { BackgroundRequests, PageRequests } from './messages';
import type { RequestSchemas } from './dispatch';
import { isNeteaseUrl } from '../../core/netease/article-id';
import { EXPORT_FORMATS } from '../../core/model/exchange';
import { MAX_IMPORT_BYTES } from '../../core/formats/import/import-limits';
import {
  GLOSS_MODES,
  MAX_GLOSS_CHARS,
  MAX_GLOSS_TEXTS,
  MAX_KNOWN_WORD_LENGTH,
  MAX_KNOWN_WORDS_PER_REQUEST,
} from '../../core/model/gloss';
import { MAX_SELECTION_CHARS, MAX_TRANSLATE_CHARS, MAX_TRANSLATE_TEXTS } from '../../core/translate/limits';
import { SOURCE_LANGUAGES } from '../../core/translate/languages';
import { translationSettingsDraftSchema } from '../../core/translate/settings';

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

/** A strict object whose issues read "is not an allowed field" / "is required" / "must be an object". */
export function strict<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never' ? 'is not an allowed field' : issue.expected === 'Object' ? 'must be an object' : 'is required',
  );
}

/** A string of `min`..`max` characters. */
export function text(min: number, max: number) {
  const message = min > 0 ? `must be ${min} to ${max} characters` : `must be at most ${max} characters`;
  return v.pipe(v.string('must be text'), v.minLength(min, message), v.maxLength(max, message));
}

/** A text position: a whole number in 0..MAX_TEXT_POSITION. */
const position = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(MAX_TEXT_POSITION, `must be at most ${MAX_TEXT_POSITION}`),
);

/** The 16-character NetEase article ID (upper-case letters and digits). */
export const articleIdSchema = v.pipe(
  v.string('must be text'),
  v.regex(/^[A-Z0-9]{16}$/, 'must be a 16-character NetEase article ID'),
);

/** An annotation id as made by `crypto.randomUUID`. */
export const annotationIdSchema = v.pipe(v.string('must be text'), v.uuid('must be an annotation id (a UUID)'));

/** One of the highlight colours. */
export const colorSchema = v.picklist(HIGHLIGHT_COLORS, `must be one of ${HIGHLIGHT_COLORS.join(', ')}`);

/** A note; any text, kept verbatim (it is only ever rendered as text). */
export const noteSchema = text(0, MAX_NOTE_LENGTH);

/** Tags: each trimmed, non-empty and bounded, no repeats, a bounded count. */
export const tagsSchema = v.pipe(
  v.array(
    v.pipe(
      v.string('must be text'),
      v.trim(),
      v.minLength(1, `must be 1 to ${MAX_TAG_LENGTH} characters`),
      v.maxLength(MAX_TAG_LENGTH, `must be 1 to ${MAX_TAG_LENGTH} characters`),
    ),
    'must be a list',
  ),
  v.maxLength(MAX_TAGS, `must have at most ${MAX_TAGS} tags`),
  v.check((tags) => new Set(tags).size === tags.length, 'must not repeat a tag'),
);

/** A quote's length limit; only a target with no quote (`missing: 'quote'` or `'selectors'`) has an empty one. */
const QUOTE_LENGTH_MESSAGE = `must be 1 to ${MAX_QUOTE_LENGTH} characters`;

/**
 * Where the annotation sits: a quote with context and a position range, as in `AnnotationTarget`; the quote is empty
 * exactly when the target came without one (`missing: 'quote'`, or `'selectors'` for a page note).
 */
export const targetSchema = v.pipe(
  strict({
    version: v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(1, `must be 1 to ${SELECTOR_VERSION}`),
      v.maxValue(SELECTOR_VERSION, `must be 1 to ${SELECTOR_VERSION}`),
    ),
    selector: v.strictTuple(
      [
        strict({
          type: v.literal('TextQuoteSelector', 'must be "TextQuoteSelector"'),
          exact: v.pipe(v.string('must be text'), v.maxLength(MAX_QUOTE_LENGTH, QUOTE_LENGTH_MESSAGE)),
          prefix: text(0, MAX_CONTEXT_LENGTH),
          suffix: text(0, MAX_CONTEXT_LENGTH),
        }),
        v.pipe(
          strict({
            type: v.literal('TextPositionSelector', 'must be "TextPositionSelector"'),
            start: position,
            end: position,
          }),
          v.forward(
            v.check((p) => p.start < p.end, 'must be greater than start'),
            ['end'],
          ),
        ),
      ],
      (issue) =>
        issue.expected === 'never'
          ? 'is not allowed: the selector is a [TextQuoteSelector, TextPositionSelector] pair'
          : 'must be a [TextQuoteSelector, TextPositionSelector] pair',
    ),
    missing: v.optional(v.picklist(MISSING_SELECTORS, `must be one of ${MISSING_SELECTORS.join(', ')}`)),
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
    v.check((s) => s === '' || ISO_DATE_RE.test(s), "must be '' or an ISO 8601 date, e.g. 2024-05-01T08:30:00+08:00"),
  ),
  url: v.pipe(text(1, MAX_URL_LENGTH), v.check(isNeteaseUrl, 'must be an http(s) address on 163.com')),
});

/** A list of distinct annotation ids, at least one, bounded. */
const annotationIdsSchema = v.pipe(
  v.array(annotationIdSchema, 'must be a list'),
  v.minLength(1, 'must name at least one annotation'),
  v.maxLength(MAX_BULK_IDS, `must name at most ${MAX_BULK_IDS} annotations`),
  v.check((ids) => new Set(ids).size === ids.length, 'must not repeat an id'),
);

/** Which annotations an export covers. */
const exportScopeSchema = v.variant(
  'kind',
  [
    strict({ kind: v.literal('all') }),
    strict({ kind: v.literal('article'), articleId: articleIdSchema }),
    strict({ kind: v.literal('selection'), ids: annotationIdsSchema }),
  ],
  'must be "all", "article" or "selection"',
);

/** Passages to gloss: a bounded list of bounded total length. */
const glossTextsSchema = v.pipe(
  v.array(v.string('must be text'), 'must be a list'),
  v.maxLength(MAX_GLOSS_TEXTS, `must have at most ${MAX_GLOSS_TEXTS} passages`),
  v.check(
    (texts) => texts.reduce((sum, text) => sum + text.length, 0) <= MAX_GLOSS_CHARS,
    `must be at most ${MAX_GLOSS_CHARS} characters in all`,
  ),
);

/** Words to mark or unmark known: at least one, each non-empty and bounded, a bounded count. */
const knownWordsSchema = v.pipe(
  v.array(text(1, MAX_KNOWN_WORD_LENGTH), 'must be a list'),
  v.minLength(1, 'must name at least one word'),
  v.maxLength(MAX_KNOWN_WORDS_PER_REQUEST, `must name at most ${MAX_KNOWN_WORDS_PER_REQUEST} words`),
);

/** A change to the gloss settings: any of the three switches, and the mode. */
const glossSettingsPatchSchema = strict({
  on: v.optional(v.boolean('must be true or false')),
  pinyin: v.optional(v.boolean('must be true or false')),
  english: v.optional(v.boolean('must be true or false')),
  mode: v.optional(v.picklist(GLOSS_MODES, `must be one of ${GLOSS_MODES.join(', ')}`)),
});

/** A machine translation saved on a highlight, named by its service. */
export const translationSchema = strict({
  text: text(1, MAX_TRANSLATION_LENGTH),
  provider: text(1, MAX_TRANSLATION_PROVIDER_LENGTH),
});

/** Texts to translate: at least one, each non-empty, a bounded count of bounded total length. */
const translateTextsSchema = v.pipe(
  v.array(text(1, MAX_TRANSLATE_CHARS), 'must be a list'),
  v.minLength(1, 'must have at least one text'),
  v.maxLength(MAX_TRANSLATE_TEXTS, `must have at most ${MAX_TRANSLATE_TEXTS} texts`),
  v.check(
    (texts) => texts.reduce((sum, t) => sum + t.length, 0) <= MAX_TRANSLATE_CHARS,
    `must be at most ${MAX_TRANSLATE_CHARS} characters in all`,
  ),
);

/** Payload schema of every request the background answers. */
export const backgroundRequestSchemas: RequestSchemas<BackgroundRequests> = {
  'annotator/started': strict({}),
  'annotations/list': strict({ articleId: articleIdSchema }),
  'annotations/get': strict({ id: annotationIdSchema }),
  'annotations/create': strict({
    article: articleMetaSchema,
    annotation: strict({
      color: colorSchema,
      note: noteSchema,
      tags: tagsSchema,
      target: targetSchema,
      translation: v.optional(translationSchema),
    }),
  }),
  'annotations/update': strict({
    id: annotationIdSchema,
    patch: strict({
      color: v.optional(colorSchema),
      note: v.optional(noteSchema),
      tags: v.optional(tagsSchema),
      translation: v.optional(v.nullable(translationSchema)),
    }),
  }),
  'annotations/delete': strict({ id: annotationIdSchema }),
  'annotations/restore': strict({ id: annotationIdSchema }),
  'articles/get': strict({ articleId: articleIdSchema }),
  'annotations/delete-many': strict({ ids: annotationIdsSchema }),
  'annotations/restore-many': strict({ ids: annotationIdsSchema }),
  'annotations/reattach': strict({ id: annotationIdSchema, target: targetSchema }),
  'annotations/export': strict({
    format: v.picklist(EXPORT_FORMATS, `must be one of ${EXPORT_FORMATS.join(', ')}`),
    scope: exportScopeSchema,
  }),
  'annotations/import': strict({ text: text(0, MAX_IMPORT_BYTES) }),
  'tags/list': strict({}),
  'gloss/text': strict({ texts: glossTextsSchema }),
  'known-words/list': strict({}),
  'known-words/set': strict({ words: knownWordsSchema, known: v.boolean('must be true or false') }),
  // ---- translation (lib/core/translate) ----
  'translate/plan': strict({ sample: text(1, MAX_TRANSLATE_CHARS) }),
  'translate/words': strict({ text: text(1, MAX_SELECTION_CHARS) }),
  'translate/text': strict({
    texts: translateTextsSchema,
    source: v.picklist(SOURCE_LANGUAGES, `must be one of ${SOURCE_LANGUAGES.join(', ')}`),
  }),
  'translate/open-options': strict({}),
  'translate/test': strict({}),
  'translate/clear-cache': strict({}),
  'translate/settings': strict({}),
  'translate/save-settings': strict({ settings: translationSettingsDraftSchema }),
  // ---- sync ----
  'sync/status': strict({}),
  'sync/turn-on': strict({
    url: text(1, MAX_URL_LENGTH),
    database: text(1, 238),
    username: text(0, 200),
    password: text(0, 1_000),
    passphrase: text(1, 1_000),
    createDatabase: v.boolean('must be true or false'),
  }),
  'sync/now': strict({}),
  'sync/turn-off': strict({}),
};

/** Payload schema of every request a tab's content script answers. */
export const pageRequestSchemas: RequestSchemas<PageRequests> = {
  'page/state': strict({}),
  'page/scroll-to': strict({ id: annotationIdSchema }),
  'page/reattach': strict({ id: annotationIdSchema }),
  'page/annotations-changed': strict({}),
  'page/known-words-changed': strict({}),
  'page/gloss': glossSettingsPatchSchema,
};
