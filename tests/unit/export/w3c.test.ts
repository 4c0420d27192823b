import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_BACKGROUNDS } from '../../../lib/core/model/highlight-styles';
import { toW3c } from '../../../lib/core/formats/export/to-w3c';
import { EXPORT_ID, EXPORTED_AT, sampleData, uuid } from './fixtures';

interface W3cItem {
  id: string;
  type: string;
  motivation: string;
  created: string;
  modified: string;
  body?: { type: string; purpose: string; value: string; format?: string; creator?: unknown }[];
  target: {
    type: string;
    source: { id: string } & Record<string, unknown>;
    styleClass: string;
    selector: Record<string, unknown>[];
  };
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
      { type: 'TextualBody', purpose: 'tagging', value: '航空', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'C919 program', format: 'text/plain' },
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: 'Character 𠀀 and emoji 😀',
        format: 'text/plain',
        language: 'en',
        creator: { type: 'Software', name: 'Chrome' },
      },
    ]);
  });

  it('targets the article URL with a quote and a code-point position', () => {
    const { target } = item(uuid(2));
    expect(target.source.id).toBe('https://www.163.com/dy/article/J3K9L0QA0512D3VR.html');
    expect(target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '𠀀字😀表情', prefix: '前文😀，', suffix: '后文' },
      // Stored UTF-16 40..47; the prefix's 😀 makes the start 39, and the quote is 5 code points long.
      { type: 'TextPositionSelector', start: 39, end: 44 },
    ]);
  });

  it('targets the desktop URL built from the ID when the article has no record', () => {
    expect(item(uuid(5)).target.source.id).toBe('https://www.163.com/dy/article/KJ8S2N1V0556A7ZQ.html');
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

describe('toW3c: what other tools read exactly', () => {
  it('targets a SpecificResource whose source is the article with what its page said of itself', () => {
    const { target } = item(uuid(2));
    expect(target.type).toBe('SpecificResource');
    expect(target.source).toEqual({
      id: 'https://www.163.com/dy/article/J3K9L0QA0512D3VR.html',
      type: 'Text',
      format: 'text/html',
      language: 'zh',
      'schema:name': '国产大飞机交付新进展',
      creator: { type: 'Organization', name: '网易科技' },
      'schema:datePublished': '2024-05-01T08:30:00+08:00',
      modified: '2024-05-01T00:30:00.000Z',
    });
  });

  it('names this extension as generator and an anonymous person as creator; links page and collection', () => {
    const doc = exportSample() as unknown as Record<string, Record<string, unknown>>;
    expect(item(uuid(1))).toMatchObject({
      creator: { type: 'Person' },
      generator: { type: 'Software', name: 'NetEase Annotator' },
    });
    expect(doc.last).toBe(doc.first.id);
    expect(doc.first.partOf).toMatchObject({ id: doc.id, total: 5 });
  });

  it('writes an empty export as a collection of 0 without a page (a page must hold one annotation or more)', () => {
    const empty = JSON.parse(toW3c({ annotations: [], articles: [] }, { collectionId: EXPORT_ID, exportedAt: EXPORTED_AT }));
    expect(empty).toMatchObject({ type: 'AnnotationCollection', total: 0 });
    expect(empty).not.toHaveProperty('first');
    expect(empty).not.toHaveProperty('last');
  });

  it('counts code points exactly when a character outside the BMP stands before the prefix', () => {
    const data = sampleData();
    const a = data.annotations.find((x) => x.id === uuid(2))!;
    // Described with 3 surrogate pairs before it, only one of them in the prefix.
    a.target = { ...a.target, astralBefore: 3 };
    const doc = JSON.parse(toW3c(data, { collectionId: EXPORT_ID, exportedAt: EXPORTED_AT }));
    const written = doc.first.items.find((i: W3cItem) => i.id === `urn:uuid:${uuid(2)}`);
    expect(written.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 37, end: 42 });
  });

  it('writes only the selector an imported target had, and none for a page note', () => {
    const data = sampleData();
    const [first, second, third] = data.annotations;
    first.target = { ...first.target, missing: 'position' };
    second.target = {
      ...second.target,
      missing: 'selectors',
      selector: [{ ...second.target.selector[0], exact: '' }, second.target.selector[1]],
    };
    third.target = {
      ...third.target,
      missing: 'quote',
      selector: [{ ...third.target.selector[0], exact: '' }, third.target.selector[1]],
    };
    const doc = JSON.parse(toW3c(data, { collectionId: EXPORT_ID, exportedAt: EXPORTED_AT }));
    const byId = (id: string) => doc.first.items.find((i: W3cItem) => i.id === `urn:uuid:${id}`).target;
    expect(byId(first.id).selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector']);
    expect(byId(second.id)).not.toHaveProperty('selector');
    expect(byId(third.id).selector).toEqual([third.target.selector[1]]);
  });
});
