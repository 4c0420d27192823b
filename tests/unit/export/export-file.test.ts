import { describe, expect, it } from 'vitest';
import { exportFile, exportFileName } from '../../../lib/core/formats/export/export-file';
import { EXPORT_FORMATS, type ExportFormat } from '../../../lib/core/model/exchange';
import { toJson } from '../../../lib/core/formats/export/to-json';
import { toMarkdown } from '../../../lib/core/formats/export/to-markdown';
import { toReadwiseCsv } from '../../../lib/core/formats/export/to-readwise-csv';
import { toW3c } from '../../../lib/core/formats/export/to-w3c';
import { EXPORT_ID, EXPORTED_AT, PLANE_ID, sampleData, SPECIALS_ID, uuid, UUID_RE } from './fixtures';

const ALL = { kind: 'all' } as const;

describe('exportFileName', () => {
  it.each<[ExportFormat, string]>([
    ['markdown', 'md'],
    ['json', 'json'],
    ['w3c', 'jsonld'],
    ['readwise-csv', 'csv'],
  ])('names a %s export of everything netease-annotations-<date>.%s', (format, ext) => {
    expect(exportFileName(format, ALL, EXPORTED_AT)).toBe(`netease-annotations-2024-06-02.${ext}`);
  });

  it('adds the article ID for one article, and "selection" for a selection', () => {
    expect(exportFileName('markdown', { kind: 'article', articleId: PLANE_ID }, EXPORTED_AT)).toBe(
      `netease-annotations-2024-06-02-${PLANE_ID}.md`,
    );
    expect(exportFileName('json', { kind: 'selection', ids: new Set() }, EXPORTED_AT)).toBe(
      'netease-annotations-2024-06-02-selection.json',
    );
  });

  it('uses the local calendar date at either end of the day, zero-padded', () => {
    for (const now of [new Date(2025, 0, 5, 0, 1), new Date(2025, 0, 5, 23, 59)]) {
      expect(exportFileName('markdown', ALL, now)).toBe('netease-annotations-2025-01-05.md');
    }
  });
});

describe('exportFile', () => {
  const options = { now: EXPORTED_AT, exportId: EXPORT_ID };

  it('renders each format with its formatter, and gives its MIME type', () => {
    const data = sampleData();
    expect(exportFile('markdown', data, ALL, options)).toEqual({
      filename: 'netease-annotations-2024-06-02.md',
      mime: 'text/markdown;charset=utf-8',
      text: toMarkdown(data),
    });
    expect(exportFile('json', data, ALL, options)).toMatchObject({ mime: 'application/json', text: toJson(data, EXPORTED_AT) });
    expect(exportFile('w3c', data, ALL, options)).toMatchObject({
      mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
      text: toW3c(data, { collectionId: EXPORT_ID, exportedAt: EXPORTED_AT }),
    });
    expect(exportFile('readwise-csv', data, ALL, options)).toMatchObject({
      mime: 'text/csv;charset=utf-8',
      text: toReadwiseCsv(data),
    });
  });

  it('exports only the chosen article’s annotations', () => {
    const file = exportFile('json', sampleData(), { kind: 'article', articleId: SPECIALS_ID }, options);
    const parsed = JSON.parse(file.text) as { annotations: { id: string }[]; articles: { id: string }[] };
    expect(parsed.annotations.map((a) => a.id)).toEqual([uuid(3)]);
    expect(parsed.articles.map((a) => a.id)).toEqual([SPECIALS_ID]);
  });

  it('carries the known words in a backup of everything only', () => {
    const words = (scope: Parameters<typeof exportFile>[2]) =>
      (JSON.parse(exportFile('json', sampleData(), scope, options).text) as { knownWords: unknown[] }).knownWords;
    expect(words(ALL)).toHaveLength(3);
    expect(words({ kind: 'article', articleId: SPECIALS_ID })).toEqual([]);
    expect(words({ kind: 'selection', ids: new Set([uuid(2)]) })).toEqual([]);
  });

  it('exports only the selected annotations, never a soft-deleted one even when selected', () => {
    const file = exportFile('json', sampleData(), { kind: 'selection', ids: new Set([uuid(2), uuid(5), uuid(6)]) }, options);
    expect((JSON.parse(file.text) as { annotations: { id: string }[] }).annotations.map((a) => a.id)).toEqual([uuid(2), uuid(5)]);
  });

  it('defaults to the current time and a fresh export id', () => {
    const before = Date.now();
    const file = exportFile('w3c', sampleData(), ALL);
    const doc = JSON.parse(file.text) as { id: string; label: string };
    expect(doc.id.replace('urn:uuid:', '')).toMatch(UUID_RE);
    expect(Date.parse(doc.label.split(' ').at(-1)!)).toBeGreaterThanOrEqual(before);
  });

  it('knows a file type for every format', () => {
    for (const format of EXPORT_FORMATS) expect(exportFile(format, sampleData(), ALL, options).filename).toMatch(/\.\w+$/);
  });
});
