import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_BACKGROUNDS } from '../../../lib/highlight/highlight-styles';
import { toW3c } from '../../../storage/export/to-w3c';
import { EXPORT_ID, EXPORTED_AT, sampleData, uuid } from './fixtures';

interface W3cItem {
  id: string;
  type: string;
  motivation: string;
  created: string;
  modified: string;
  body?: { type: string; purpose: string; value: string; format?: string; creator?: unknown }[];
  target: { source: string; styleClass: string; selector: Record<string, unknown>[] };
  stylesheet: { type: string; value: string };
}

const exportSample = () =>
  JSON.parse(toW3c(sampleData(), { collectionId: EXPORT_ID, exportedAt: EXPORTED_AT })) as {
    '@context': string;
    type: string;
    id: string;
    total: number;
    first: { type: string; id: string; startIndex: number; items: W3cItem[] };
  };
const item = (id: string): W3cItem => exportSample().first.items.find((i) => i.id === `urn:uuid:${id}`)!;

describe('toW3c', () => {
  it('matches the golden file', async () => {
    await expect(toW3c(sampleData(), { collectionId: EXPORT_ID, exportedAt: EXPORTED_AT })).toMatchFileSnapshot(
      '../../fixtures/export/sample.jsonld',
    );
  });

  it('is an AnnotationCollection in the Web Annotation context, its items in an embedded first page', () => {
    const doc = exportSample();
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc).toMatchObject({ type: 'AnnotationCollection', id: `urn:uuid:${EXPORT_ID}`, total: 5 });
    expect(doc.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect(doc.first.items.map((i) => i.id)).toEqual([4, 1, 2, 3, 5].map((n) => `urn:uuid:${uuid(n)}`));
  });

  it('describes a highlight without note: motivation highlighting, no body, ISO dates', () => {
    const highlight = item(uuid(1));
    expect(highlight).toMatchObject({
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2024-05-01T00:31:00.000Z',
      modified: '2024-05-01T00:31:00.000Z',
    });
    expect(highlight).not.toHaveProperty('body');
  });

  it('writes the note as a commenting TextualBody, tags as tagging bodies, the translation as describing', () => {
    const commented = item(uuid(2));
    expect(commented.motivation).toBe('commenting');
    expect(commented.modified).toBe('2024-05-01T00:39:00.000Z');
    expect(commented.body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: 'Note with <script>alert(1)</script>, a comma and "quotes"',
        format: 'text/plain',
      },
      { type: 'TextualBody', purpose: 'tagging', value: '航空' },
      { type: 'TextualBody', purpose: 'tagging', value: 'C919 program' },
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: 'Character 𠀀 and emoji 😀',
        format: 'text/plain',
        creator: { type: 'Software', name: 'Chrome' },
      },
    ]);
  });

  it('targets the article URL with a quote and a code-point position', () => {
    const { target } = item(uuid(2));
    expect(target.source).toBe('https://www.163.com/dy/article/J3K9L0QA0512D3VR.html');
    expect(target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '𠀀字😀表情', prefix: '前文😀，', suffix: '后文' },
      // Stored UTF-16 40..47; the prefix's 😀 makes the start 39, and the quote is 5 code points long.
      { type: 'TextPositionSelector', start: 39, end: 44 },
    ]);
  });

  it('targets the desktop URL built from the ID when the article has no record', () => {
    expect(item(uuid(5)).target.source).toBe('https://www.163.com/dy/article/KJ8S2N1V0556A7ZQ.html');
  });

  it('gives the colour as the target’s styleClass, defined by the annotation’s CSS stylesheet', () => {
    const { target, stylesheet } = item(uuid(3));
    expect(target.styleClass).toBe('blue');
    expect(stylesheet).toEqual({
      type: 'CssStylesheet',
      value: `.blue { background-color: ${HIGHLIGHT_BACKGROUNDS.blue}; }`,
    });
  });

  it('leaves out soft-deleted annotations', () => {
    expect(exportSample().first.items.map((i) => i.id)).not.toContain(`urn:uuid:${uuid(6)}`);
  });
});
