/**
 * W3C import of targets as other tools write them: a quote refining an XPath or CSS selector, a position only, an
 * empty quote; and the size limits of collections (pages gathered in linear time).
 */
import { describe, expect, it } from 'vitest';
import { parseSaid } from './said';
import { MAX_W3C_ITEMS } from '../../../lib/core/formats/import/parse-w3c';
import { PLANE_ID } from '../export/fixtures';

const SOURCE = `https://www.163.com/dy/article/${PLANE_ID}.html`;
const NOW = Date.UTC(2026, 10, 1);

const annotation = (selector: unknown): Record<string, unknown> => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  target: { source: SOURCE, selector },
});

function parse(document: unknown) {
  const result = parseSaid(JSON.stringify(document), { now: NOW });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('parseW3c: selectors of other tools', () => {
  it.each([
    ['an XPathSelector', { type: 'XPathSelector', value: '/html/body/div[2]/p[3]' }],
    ['a CssSelector', { type: 'CssSelector', value: '.post_body > p:nth-child(3)' }],
  ])('takes the quote refining %s, without a position', (_, element) => {
    const { annotations } = parse(
      annotation({ ...element, refinedBy: { type: 'TextQuoteSelector', exact: '大飞机', prefix: '产', suffix: '交' } }),
    );
    expect(annotations[0].target).toEqual({
      version: 1,
      selector: [
        { type: 'TextQuoteSelector', exact: '大飞机', prefix: '产', suffix: '交' },
        { type: 'TextPositionSelector', start: 0, end: 3 },
      ],
      missing: 'position',
    });
  });

  it('keeps a position-only target in code points, marked as having no quote', () => {
    const { annotations, rejected } = parse(annotation({ type: 'TextPositionSelector', start: 12, end: 20 }));
    expect(rejected).toEqual([]);
    expect(annotations[0].target).toEqual({
      version: 1,
      selector: [
        { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 12, end: 20 },
      ],
      missing: 'quote',
    });
  });

  it('refuses an empty quote, saying why', () => {
    const { rejected } = parse(annotation({ type: 'TextQuoteSelector', exact: '', prefix: '国产' }));
    expect(rejected[0].reason).toMatch(/empty quote marks a point/);
  });

  it('refuses a position-only target whose end is not after its start', () => {
    const { rejected } = parse(annotation({ type: 'TextPositionSelector', start: 5, end: 5 }));
    expect(rejected[0].reason).toBe('target.selector.1.end must be greater than start');
  });
});

/** A collection of `pages` chained embedded pages of `perPage` annotations each. */
function chain(pages: number, perPage: number): Record<string, unknown> {
  let next: Record<string, unknown> | undefined;
  for (let i = pages - 1; i >= 0; i--) {
    const items = Array.from({ length: perPage }, () => annotation({ type: 'TextQuoteSelector', exact: '大飞机' }));
    next = { type: 'AnnotationPage', items, ...(next && { next }) };
  }
  return { type: 'AnnotationCollection', first: next };
}

describe('parseW3c: collection size', () => {
  it('reads a long chain of embedded pages', () => {
    expect(parse(chain(2_000, 1)).annotations).toHaveLength(2_000);
  });

  it('refuses a file of more than MAX_W3C_ITEMS annotations as a whole, in pages or as a list', () => {
    const pages = parseSaid(JSON.stringify(chain(2, MAX_W3C_ITEMS / 2 + 1)), { now: NOW });
    expect(pages).toEqual({ ok: false, error: expect.stringContaining(`more than ${MAX_W3C_ITEMS} annotations`) });
    const list = parseSaid(JSON.stringify(Array.from({ length: MAX_W3C_ITEMS + 1 }, () => ({}))), { now: NOW });
    expect(list).toEqual({ ok: false, error: expect.stringContaining(`more than ${MAX_W3C_ITEMS} annotations`) });
  });
});

describe('parseW3c: page notes', () => {
  it('takes a note on a target without selectors as a page note; refuses such a target without a note', () => {
    const note = {
      ...annotation(undefined),
      target: { type: 'SpecificResource', source: { id: SOURCE } },
      bodyValue: 'On the whole piece',
    };
    const { annotations } = parse(note);
    expect(annotations[0].note).toBe('On the whole piece');
    expect(annotations[0].target.missing).toBe('selectors');
    const bare = { ...annotation(undefined), target: SOURCE };
    expect(parse(bare).rejected[0].reason).toMatch(/no target with a TextQuoteSelector/);
  });
});
