/**
 * W3C Web Annotation export (JSON-LD, https://www.w3.org/TR/annotation-model/): an `AnnotationCollection` whose
 * embedded first (and last) `AnnotationPage` holds every annotation as `items`; an export of nothing is a collection
 * with `total: 0` and no page (a page MUST hold one annotation or more).
 *
 * Each annotation: `id` `urn:uuid:<id>`; `motivation` `commenting` when it has a note, else `highlighting`;
 * `created`/`modified` ISO 8601, `generated` the export time, `generator` this extension (`Software`), `creator` a
 * `Person` (the reader, who stays anonymous: the extension keeps no identity); bodies are `TextualBody`s, each with
 * `format: text/plain`: the note (`purpose: commenting`), one per tag (`purpose: tagging`) and the translation
 * (`purpose: describing`, `language: en`, its provider as a `Software` creator). The target is a `SpecificResource`:
 * its `source` the article (`id` its URL, `type: Text`, `format: text/html`, `language: zh`, and what the page said of itself: title as
 * `schema:name`, publisher as `creator`, publication date as `schema:datePublished`, and when its record was last
 * updated as `modified`), its selectors a `TextQuoteSelector` and a
 * `TextPositionSelector` in code points (see `code-points.ts`) — only the one a target imported without the other
 * has, none for a page note. The highlight colour uses the model's own styling mechanism rather than an extension
 * property: `target.styleClass` is the colour name (`yellow`, `green`, `blue`, `pink`, `purple`) and the annotation's
 * `stylesheet` is a `CssStylesheet` defining that class with the colour the extension paints.
 */
import { HIGHLIGHT_BACKGROUNDS } from '../../model/highlight-styles';
import { positionOf, quoteOf, type ArticleRecord } from '../../model/annotation';
import { toCodePointSpan } from './code-points';
import { articleUrl, groupByArticle, type ExportAnnotation, type ExportData } from './export-data';

/** The JSON-LD context of the Web Annotation vocabulary. */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The `urn:uuid:` IRI form of an annotation id. */
export const URN_UUID_PREFIX = 'urn:uuid:';

/** This extension as the `generator` of what it exports. */
export const W3C_GENERATOR = {
  id: 'urn:netease-annotator',
  type: 'Software',
  name: 'NetEase Annotator',
  nickname: 'netease-annotator',
} as const;

/** The reader as the `creator` of an annotation: a person, unnamed (no identity is kept). */
const CREATOR = { type: 'Person' } as const;

/** What makes a W3C export file: the collection's id and the time of the export. */
export interface W3cExportOptions {
  /** A UUID naming this export's collection. */
  collectionId: string;
  exportedAt: Date;
}

/** A `TextualBody` with a purpose. */
interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging' | 'describing';
  value: string;
  format: 'text/plain';
  /** The translation's: English (notes are in whatever language the reader wrote). */
  language?: 'en';
  creator?: { type: 'Software'; name: string };
}

/** The bodies of an annotation: note, tags, translation, in that order. */
function bodiesOf(annotation: ExportAnnotation): TextualBody[] {
  const bodies: TextualBody[] = [];
  const textual = (purpose: TextualBody['purpose'], value: string): TextualBody => ({
    type: 'TextualBody',
    purpose,
    value,
    format: 'text/plain',
  });
  if (annotation.note) bodies.push(textual('commenting', annotation.note));
  for (const tag of annotation.tags) bodies.push(textual('tagging', tag));
  const { translation } = annotation;
  if (translation) {
    bodies.push({
      ...textual('describing', translation.text),
      language: 'en',
      creator: { type: 'Software', name: translation.provider },
    });
  }
  return bodies;
}

/** The article as the target's `source`: its URL and what its page said of itself, where it said anything. */
function sourceOf(url: string, article: ArticleRecord | undefined): Record<string, unknown> {
  return {
    id: url,
    type: 'Text',
    format: 'text/html',
    language: 'zh',
    ...(article?.title && { 'schema:name': article.title }),
    ...(article?.source && { creator: { type: 'Organization', name: article.source } }),
    ...(article?.publishedAt && { 'schema:datePublished': article.publishedAt }),
    ...(article && { modified: new Date(article.updatedAt).toISOString() }),
  };
}

/** The target's selectors: the quote and the code-point position, or the one an import had (none: a page note). */
function selectorsOf(annotation: ExportAnnotation): Record<string, unknown>[] {
  const { missing, astralBefore } = annotation.target;
  const quote = quoteOf(annotation);
  const position = positionOf(annotation);
  const quoteSelector = { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
  if (missing === 'selectors') return [];
  if (missing === 'quote') return [{ type: 'TextPositionSelector', start: position.start, end: position.end }];
  if (missing === 'position') return [quoteSelector];
  return [quoteSelector, { type: 'TextPositionSelector', ...toCodePointSpan(quote, position.start, astralBefore) }];
}

/** One annotation as a W3C `Annotation` (without `@context`: the collection carries it). */
function toW3cAnnotation(
  annotation: ExportAnnotation,
  source: Record<string, unknown>,
  generated: string,
): Record<string, unknown> {
  const body = bodiesOf(annotation);
  const selector = selectorsOf(annotation);
  return {
    id: `${URN_UUID_PREFIX}${annotation.id}`,
    type: 'Annotation',
    motivation: annotation.note ? 'commenting' : 'highlighting',
    creator: CREATOR,
    created: new Date(annotation.createdAt).toISOString(),
    modified: new Date(annotation.updatedAt).toISOString(),
    generator: W3C_GENERATOR,
    generated,
    ...(body.length > 0 && { body }),
    target: {
      type: 'SpecificResource',
      source,
      styleClass: annotation.color,
      ...(selector.length > 0 && { selector }),
    },
    stylesheet: {
      type: 'CssStylesheet',
      value: `.${annotation.color} { background-color: ${HIGHLIGHT_BACKGROUNDS[annotation.color]}; }`,
    },
  };
}

/** The W3C JSON-LD file for `data`: live annotations in the same order as the other formats, indented. */
export function toW3c(data: ExportData, options: W3cExportOptions): string {
  const generated = options.exportedAt.toISOString();
  const items = groupByArticle(data).flatMap((group) => {
    const source = sourceOf(articleUrl(group), group.article);
    return group.annotations.map((a) => toW3cAnnotation(a, source, generated));
  });
  const id = `${URN_UUID_PREFIX}${options.collectionId}`;
  const page = `${id}#page-1`;
  const label = `NetEase Annotator export ${generated}`;
  const collection = {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    generator: W3C_GENERATOR,
    generated,
    total: items.length,
    ...(items.length > 0 && {
      first: { id: page, type: 'AnnotationPage', partOf: { id, label, total: items.length }, startIndex: 0, items },
      last: page,
    }),
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
