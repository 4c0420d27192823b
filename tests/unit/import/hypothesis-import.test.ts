/**
 * Importing a Hypothesis client export: NetEase annotations in, page notes as notes on the article, replies and
 * other sites counted as skipped; a second import of the same file adds nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { say } from '../../../lib/extension/i18n';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { importAnnotations } from '../../../storage/merge-import';
import { parseImport } from '../../../lib/core/formats/import/parse-import';
import { createAnchorer } from '../../../lib/core/anchoring/anchor';
import { PLANE_ID } from '../export/fixtures';

const NOW = Date.UTC(2026, 10, 1);
const PAGE = `https://www.163.com/dy/article/${PLANE_ID}.html`;

/** A Hypothesis annotation as its export writes it, with `overrides` on top. */
const hypothesis = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'Xy12AbCdEfGh',
  created: '2025-03-01T08:00:00.123456+00:00',
  updated: '2025-03-02T09:30:00.000000+00:00',
  user: 'acct:reader@hypothes.is',
  uri: PAGE,
  text: 'Worth **re-reading**: <b>not HTML</b>',
  tags: ['aviation', ' C919 '],
  group: '__world__',
  target: [
    {
      source: PAGE,
      selector: [
        { type: 'RangeSelector', startContainer: '/div[1]/p[3]', startOffset: 0, endContainer: '/div[1]/p[3]', endOffset: 3 },
        { type: 'TextPositionSelector', start: 5012, end: 5015 },
        { type: 'TextQuoteSelector', exact: '大飞机', prefix: '国产', suffix: '交付' },
      ],
    },
  ],
  document: { title: ['国产大飞机交付 - 网易'] },
  ...overrides,
});

const exportOf = (annotations: unknown[]): string =>
  JSON.stringify({
    export_date: '2025-03-03T00:00:00.000Z',
    export_userid: 'acct:reader@hypothes.is',
    client_version: '1.1500.0',
    annotations,
  });

const FILE = exportOf([
  hypothesis(),
  hypothesis({ id: 'PageNote0001', text: 'The whole piece is about supply chains.', target: [{ source: PAGE }] }),
  hypothesis({ id: 'Reply0000001', references: ['Xy12AbCdEfGh'], text: 'Agreed.' }),
  hypothesis({ id: 'Elsewhere001', uri: 'https://example.com/post', target: [{ source: 'https://example.com/post' }] }),
  hypothesis({ id: 'Elsewhere002', uri: 'https://en.wikipedia.org/wiki/C919' }),
]);

function parsed(text: string) {
  const result = parseImport(text, { now: NOW });
  if (!result.ok) throw new Error(say(result.error));
  return result.value;
}

describe('parsing a Hypothesis export', () => {
  it('takes the NetEase annotation with its quote (no position: Hypothesis counts over the whole page), note, tags, times and title', () => {
    const { annotations, articles, skipped, rejected } = parsed(FILE);
    expect(rejected).toEqual([]);
    expect(skipped).toEqual({ replies: 1, otherSites: 2 });
    const [highlight] = annotations;
    expect(highlight).toMatchObject({
      articleId: PLANE_ID,
      note: 'Worth **re-reading**: <b>not HTML</b>',
      tags: ['aviation', 'C919'],
      createdAt: Date.parse('2025-03-01T08:00:00.123Z'),
      updatedAt: Date.parse('2025-03-02T09:30:00Z'),
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: '大飞机', prefix: '国产', suffix: '交付' },
          { type: 'TextPositionSelector', start: 0, end: 3 },
        ],
        missing: 'position',
      },
    });
    expect(articles).toEqual([
      { id: PLANE_ID, title: '国产大飞机交付 - 网易', source: '', publishedAt: '', url: PAGE, updatedAt: 0 },
    ]);
  });

  it('makes a page note a note on the article, with no place in its text', () => {
    const pageNote = parsed(FILE).annotations[1];
    expect(pageNote.note).toBe('The whole piece is about supply chains.');
    expect(pageNote.target.missing).toBe('selectors');
    expect(createAnchorer('国产大飞机交付').anchor(pageNote.target)).toBeNull();
  });

  it('gives the same ids on every parse, so a re-import matches by id', () => {
    expect(parsed(FILE).annotations.map((a) => a.id)).toEqual(parsed(FILE).annotations.map((a) => a.id));
    expect(new Set(parsed(FILE).annotations.map((a) => a.id)).size).toBe(2);
  });

  it('refuses an annotation with selectors but no quote, saying why', () => {
    const onlyPosition = hypothesis({
      target: [{ source: PAGE, selector: [{ type: 'TextPositionSelector', start: 1, end: 4 }] }],
    });
    expect(say(parsed(exportOf([onlyPosition])).rejected[0].reason)).toMatch(/no TextQuoteSelector/);
  });
});

describe('importing a Hypothesis export', () => {
  let db: AnnotationDb;
  beforeEach(() => {
    db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('reports everything, and a second import of the same file adds nothing', async () => {
    const first = await importAnnotations(db, parsed(FILE));
    expect(first).toMatchObject({
      added: 2,
      pageNotes: 1,
      skippedReplies: 1,
      skippedOtherSites: 2,
      rejectedTotal: 0,
      articlesAdded: 1,
    });
    const again = await importAnnotations(db, parsed(FILE));
    expect(again).toMatchObject({ added: 0, updated: 0, duplicates: 2, pageNotes: 0, articlesAdded: 0 });
    expect(await db.annotations.count()).toBe(2);
    expect((await db.articles.get(PLANE_ID))?.title).toBe('国产大飞机交付 - 网易');
  });

  it('keeps two different page notes on one article apart', async () => {
    const two = exportOf([
      hypothesis({ id: 'PageNoteA', text: 'First thought.', target: [{ source: PAGE }] }),
      hypothesis({ id: 'PageNoteB', text: 'Second thought.', target: [{ source: PAGE }] }),
    ]);
    expect(await importAnnotations(db, parsed(two))).toMatchObject({ added: 2, pageNotes: 2 });
  });
});

describe('every import', () => {
  it('brings dates after the time of import back to it: a far-future updatedAt must not win every later merge', () => {
    const future = exportOf([hypothesis({ created: '2999-01-01T00:00:00Z', updated: '2999-01-02T00:00:00Z' })]);
    const [a] = parsed(future).annotations;
    expect([a.createdAt, a.updatedAt]).toEqual([NOW, NOW]);
  });

  it('lists at most MAX_REPORTED_REJECTIONS refusals in its report, with the total', async () => {
    const db = openAnnotationDb(`test-${crypto.randomUUID()}`);
    const junk = Array.from({ length: 5_000 }, (_, i) => ({ type: 'Annotation', id: i }));
    const report = await importAnnotations(db, parsed(JSON.stringify(junk)));
    expect(report.rejected).toHaveLength(50);
    expect(report.rejectedTotal).toBe(5_000);
    expect(JSON.stringify(report).length).toBeLessThan(20_000);
    await db.delete();
  });
});
