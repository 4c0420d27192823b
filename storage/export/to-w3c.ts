/**
 * W3C Web Annotation export (JSON-LD, https://www.w3.org/TR/annotation-model/): an `AnnotationCollection` whose
 * embedded first `AnnotationPage` holds every annotation as `items`.
 *
 * Each annotation: `id` `urn:uuid:<id>`; `motivation` `commenting` when it has a note, else `highlighting`;
 * `created`/`modified` ISO 8601; bodies are `TextualBody`s: the note (`purpose: commenting`), one per tag
 * (`purpose: tagging`) and the translation (`purpose: describing`, its provider as a `Software` creator); the target
 * is the article URL (`source`) with a `TextQuoteSelector` and a `TextPositionSelector` in code points (see
 * `code-points.ts`). The highlight colour uses the model's own styling mechanism rather than an extension property:
 * `target.styleClass` is the colour name (`yellow`, `green`, `blue`, `pink`, `purple`) and the annotation's
 * `stylesheet` is a `CssStylesheet` defining that class with the colour the extension paints.
 */
import { HIGHLIGHT_BACKGROUNDS } from '../../lib/highlight/highlight-styles';
import { positionOf, quoteOf } from '../../lib/model/annotation';
import { toCodePointSpan } from './code-points';
import { articleUrl, groupByArticle, type ExportAnnotation, type ExportData } from './export-data';

/** The JSON-LD context of the Web Annotation vocabulary. */
const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The `urn:uuid:` IRI form of an annotation id. */
export const URN_UUID_PREFIX = 'urn:uuid:';

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
  format?: 'text/plain';
  creator?: { type: 'Software'; name: string };
}

/** The bodies of an annotation: note, tags, translation, in that order. */
function bodiesOf(annotation: ExportAnnotation): TextualBody[] {
  const bodies: TextualBody[] = [];
  if (annotation.note) {
    bodies.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain' });
  }
  for (const tag of annotation.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const { translation } = annotation;
  if (translation) {
    bodies.push({
      type: 'TextualBody',
      purpose: 'describing',
      value: translation.text,
      format: 'text/plain',
      creator: { type: 'Software', name: translation.provider },
    });
  }
  return bodies;
}

/** One annotation as a W3C `Annotation` (without `@context`: the collection carries it). */
function toW3cAnnotation(annotation: ExportAnnotation, source: string): Record<string, unknown> {
  const quote = quoteOf(annotation);
  const body = bodiesOf(annotation);
  return {
    id: `${URN_UUID_PREFIX}${annotation.id}`,
    type: 'Annotation',
    motivation: annotation.note ? 'commenting' : 'highlighting',
    created: new Date(annotation.createdAt).toISOString(),
    modified: new Date(annotation.updatedAt).toISOString(),
    ...(body.length > 0 && { body }),
    target: {
      source,
      styleClass: annotation.color,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', ...toCodePointSpan(quote, positionOf(annotation).start) },
      ],
    },
    stylesheet: {
      type: 'CssStylesheet',
      value: `.${annotation.color} { background-color: ${HIGHLIGHT_BACKGROUNDS[annotation.color]}; }`,
    },
  };
}

/** The W3C JSON-LD file for `data`: live annotations in the same order as the other formats, indented. */
export function toW3c(data: ExportData, options: W3cExportOptions): string {
  const items = groupByArticle(data).flatMap((group) => {
    const source = articleUrl(group);
    return group.annotations.map((a) => toW3cAnnotation(a, source));
  });
  const id = `${URN_UUID_PREFIX}${options.collectionId}`;
  const collection = {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `NetEase Annotator export ${options.exportedAt.toISOString()}`,
    total: items.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
