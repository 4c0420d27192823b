import { describe, expect, it } from 'vitest';
import type { ExportAnnotation } from '../../../lib/core/formats/export/export-data';
import type { SaidImport } from './said';
import { parseSaid } from './said';
import { PLANE_ID, uuid, UUID_RE } from '../export/fixtures';

const NOW = Date.UTC(2026, 10, 1);
const SOURCE = `https://www.163.com/dy/article/${PLANE_ID}.html`;

/** A minimal annotation as another tool might write it, with `overrides` on top. */
const foreign = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'https://hypothes.is/a/AbC123',
  type: 'Annotation',
  target: { source: SOURCE, selector: [{ type: 'TextQuoteSelector', exact: '大飞机', prefix: '国产', suffix: '交付' }] },
  ...overrides,
});

function parsed(document: unknown): SaidImport {
  const result = parseSaid(JSON.stringify(document), { now: NOW });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The one annotation `document` yields. */
function only(document: unknown): ExportAnnotation {
  const result = parsed(document);
  expect(result.rejected).toEqual([]);
  expect(result.annotations).toHaveLength(1);
  return result.annotations[0];
}

/** The reason the one annotation of `document` is refused. */
function refusal(document: unknown): string {
  const result = parsed(document);
  expect(result.annotations).toEqual([]);
  expect(result.rejected).toHaveLength(1);
  return result.rejected[0].reason;
}

describe('parseW3c: document shapes', () => {
  const two = [
    foreign(),
    foreign({ id: 'b', target: { source: SOURCE, selector: { type: 'TextQuoteSelector', exact: '交付' } } }),
  ];

  it.each<[string, unknown]>([
    ['a bare list', two],
    ['a collection with items', { type: 'AnnotationCollection', items: two }],
    ['a collection with an embedded first page', { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: two } }],
    [
      'a collection with a chain of embedded pages',
      {
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items: [two[0]], next: { type: 'AnnotationPage', items: [two[1]] } },
      },
    ],
    ['a page', { type: 'AnnotationPage', items: two }],
    ['types given as lists', { type: ['AnnotationCollection'], items: two }],
  ])('reads %s', (_, document) => {
    expect(parsed(document).annotations.map((a) => a.target.selector[0].exact)).toEqual(['大飞机', '交付']);
  });

  it('reads a single annotation', () => {
    expect(only(foreign()).target.selector[0].exact).toBe('大飞机');
  });

  it('reads an empty collection', () => {
    expect(parsed({ type: 'AnnotationCollection', total: 0 }).annotations).toEqual([]);
  });
});

describe('parseW3c: one annotation', () => {
  it('turns a quote-only annotation from another tool into a stored annotation', () => {
    const annotation = only(foreign({ created: '2024-05-01T08:30:00+08:00', modified: '2024-05-02T00:00:00Z' }));
    expect(annotation).toEqual({
      id: expect.stringMatching(UUID_RE),
      articleId: PLANE_ID,
      color: 'yellow',
      note: '',
      tags: [],
      target: {
        version: 1,
        selector: [
          { type: 'TextQuoteSelector', exact: '大飞机', prefix: '国产', suffix: '交付' },
          { type: 'TextPositionSelector', start: 0, end: 3 },
        ],
        // Without a position: re-anchoring must not take the placeholder 0..3 for one.
        missing: 'position',
      },
      createdAt: Date.UTC(2024, 4, 1, 0, 30),
      updatedAt: Date.UTC(2024, 4, 2),
      deletedAt: null,
    });
  });

  it('keeps a urn:uuid id, and gives any other id a fresh UUID', () => {
    expect(only(foreign({ id: `urn:uuid:${uuid(7)}` })).id).toBe(uuid(7));
    const a = only(foreign({ id: 'urn:uuid:not-a-uuid' })).id;
    const b = only(foreign()).id;
    expect(a).toMatch(UUID_RE);
    expect(b).toMatch(UUID_RE);
    expect(a).not.toBe(b);
  });

  it('converts a code-point position to UTF-16, counting the astral characters of the prefix', () => {
    const target = {
      source: SOURCE,
      selector: [
        { type: 'TextQuoteSelector', exact: '𠀀字😀', prefix: '😀前' },
        { type: 'TextPositionSelector', start: 10, end: 13 },
      ],
    };
    expect(only(foreign({ target })).target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 11, end: 16 });
  });

  it('ignores RangeSelectors and other selector types, in any order', () => {
    const target = {
      source: SOURCE,
      selector: [
        {
          type: 'RangeSelector',
          startSelector: { type: 'XPathSelector', value: '/p[1]' },
          endSelector: { type: 'XPathSelector', value: '/p[2]' },
        },
        { type: 'TextPositionSelector', start: 4, end: 7 },
        { type: 'CssSelector', value: 'p' },
        { type: 'TextQuoteSelector', exact: '大飞机' },
      ],
    };
    expect(only(foreign({ target })).target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '大飞机', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 4, end: 7 },
    ]);
  });

  it('uses the first target with a text quote, and a source given as an object', () => {
    const target = [
      'https://example.org/page',
      { source: { id: SOURCE, type: 'Text' }, selector: { type: 'TextQuoteSelector', exact: '交付' } },
    ];
    expect(only(foreign({ target })).target.selector[0].exact).toBe('交付');
  });

  it('reads the note from commenting or purpose-less bodies and bodyValue, tags from tagging bodies', () => {
    const annotation = only(
      foreign({
        bodyValue: 'short note',
        body: [
          { type: 'TextualBody', purpose: 'commenting', value: '评论' },
          { type: 'TextualBody', value: 'no purpose' },
          { type: 'TextualBody', purpose: 'tagging', value: ' 航空 ' },
          { type: 'TextualBody', purpose: ['tagging'], value: '航空' },
          { type: 'TextualBody', purpose: 'tagging', value: 'C919' },
          { type: 'TextualBody', purpose: 'describing', value: 'a translation' },
          { type: 'SpecificResource', source: 'https://example.org/x' },
          'https://example.org/comment',
        ],
      }),
    );
    expect(annotation.note).toBe('short note\n\n评论\n\nno purpose');
    expect(annotation.tags).toEqual(['航空', 'C919']);
  });

  it('keeps script in a note verbatim', () => {
    const body = { type: 'TextualBody', purpose: 'commenting', value: '<script>alert(1)</script>' };
    expect(only(foreign({ body })).note).toBe('<script>alert(1)</script>');
  });

  it('reads the colour from target.styleClass, defaulting to yellow', () => {
    const withClass = (styleClass: unknown) => only(foreign({ target: { ...(foreign().target as object), styleClass } })).color;
    expect(withClass('green')).toBe('green');
    expect(withClass('hl  purple big')).toBe('purple');
    expect(withClass('red')).toBe('yellow');
    expect(withClass(42)).toBe('yellow');
  });

  it('dates an undated annotation now, and fills a missing created or modified from the other', () => {
    expect(only(foreign())).toMatchObject({ createdAt: NOW, updatedAt: NOW });
    expect(only(foreign({ modified: '2024-05-02T00:00:00Z' }))).toMatchObject({
      createdAt: Date.UTC(2024, 4, 2),
      updatedAt: Date.UTC(2024, 4, 2),
    });
  });

  it('describes the article by its desktop URL, dated 0 so a stored record wins', () => {
    const mobile = `https://m.163.com/news/article/${PLANE_ID}.html?spss=x#y`;
    const result = parsed(foreign({ target: { source: mobile, selector: { type: 'TextQuoteSelector', exact: '交付' } } }));
    expect(result.articles).toEqual([
      {
        id: PLANE_ID,
        title: '',
        source: '',
        publishedAt: '',
        url: `https://www.163.com/news/article/${PLANE_ID}.html`,
        updatedAt: 0,
      },
    ]);
    const desktop = parsed(
      foreign({ target: { source: `${SOURCE}?f=post#x`, selector: { type: 'TextQuoteSelector', exact: '交付' } } }),
    );
    expect(desktop.articles[0].url).toBe(SOURCE);
  });

  it('ignores __proto__ keys: nothing is copied from the file', () => {
    const text = JSON.stringify(foreign()).replace('"type":"Annotation"', '"type":"Annotation","__proto__":{"polluted":true}');
    const result = parseSaid(text, { now: NOW });
    expect(result.ok && result.value.annotations).toHaveLength(1);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('parseW3c: refused annotations', () => {
  it.each<[string, Record<string, unknown>, string | RegExp]>([
    [
      'a source that is not NetEase',
      { target: { source: 'https://example.org/article', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      'target.source is not a NetEase article: https://example.org/article',
    ],
    [
      'a NetEase page that is not an article',
      { target: { source: 'https://www.163.com/', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      'target.source is not a NetEase article: https://www.163.com/',
    ],
    [
      'a very long foreign source (quoted shortened)',
      { target: { source: `https://example.org/${'a'.repeat(5000)}`, selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      /^target\.source is not a NetEase article: https:\/\/example\.org\/a+…$/,
    ],
    [
      'no source',
      { target: { selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      'target.source must be the address of the article',
    ],
    [
      'a target that is only a URL',
      { target: SOURCE },
      'has no target with a TextQuoteSelector or TextPositionSelector: only quoted or counted text can be found again on the page',
    ],
    [
      'only a RangeSelector',
      { target: { source: SOURCE, selector: { type: 'RangeSelector' } } },
      /^has no target with a TextQuoteSelector/,
    ],
    [
      'an empty quote',
      { target: { source: SOURCE, selector: { type: 'TextQuoteSelector', exact: '' } } },
      'target.selector.0.exact must be 1 to 20000 characters',
    ],
    [
      'a quote that is not text',
      { target: { source: SOURCE, selector: { type: 'TextQuoteSelector', exact: 5 } } },
      'target.selector.0.exact must be text',
    ],
    [
      'a huge prefix',
      { target: { source: SOURCE, selector: { type: 'TextQuoteSelector', exact: 'x', prefix: 'p'.repeat(257) } } },
      'target.selector.0.prefix must be at most 256 characters',
    ],
    [
      'a negative position',
      {
        target: {
          source: SOURCE,
          selector: [
            { type: 'TextQuoteSelector', exact: 'x' },
            { type: 'TextPositionSelector', start: -1, end: 0 },
          ],
        },
      },
      'TextPositionSelector.start must be a whole number, not negative',
    ],
    [
      'a position past the limit',
      {
        target: {
          source: SOURCE,
          selector: [
            { type: 'TextQuoteSelector', exact: 'x' },
            { type: 'TextPositionSelector', start: 1e9, end: 1e9 + 1 },
          ],
        },
      },
      'target.selector.1.start must be at most 10000000',
    ],
    ['a bad date', { created: 'last Tuesday' }, 'created must be an ISO 8601 date'],
    ['a date without offset', { modified: '2024-05-01T08:30' }, 'modified must be an ISO 8601 date'],
    ['a note that is not text', { body: { type: 'TextualBody', value: { html: 'x' } } }, 'a comment body value must be text'],
    ['a tag that is not text', { body: { type: 'TextualBody', purpose: 'tagging', value: 7 } }, 'tags.0 must be text'],
    ['a note over the limit', { bodyValue: 'n'.repeat(10_001) }, 'note must be at most 10000 characters'],
  ])('refuses %s', (_, overrides, reason) => {
    expect(refusal(foreign(overrides))).toMatch(reason);
  });

  it('refuses items that are not objects, by index, and imports the rest', () => {
    const result = parsed([foreign(), 'text', null, foreign({ id: 'x' })]);
    expect(result.annotations).toHaveLength(2);
    expect(result.rejected).toEqual([
      { index: 1, reason: 'is not an annotation (an object)' },
      { index: 2, reason: 'is not an annotation (an object)' },
    ]);
  });
});
