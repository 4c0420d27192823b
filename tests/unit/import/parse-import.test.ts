import { describe, expect, it } from 'vitest';
import { toJson } from '../../../lib/core/formats/export/to-json';
import { MAX_IMPORT_BYTES } from '../../../lib/core/formats/import/import-limits';
import { parseSaid } from './said';
import { EXPORTED_AT, sampleData } from '../export/fixtures';

/** The error of a parse that must fail as a whole. */
function failure(result: ReturnType<typeof parseSaid>): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

const nativeText = () => toJson(sampleData(), EXPORTED_AT);

describe('parseImport: files that cannot be imported at all', () => {
  it.each<[string, string, RegExp]>([
    ['empty', '', /^This file is empty\.$/],
    ['only whitespace', ' \n\t ', /^This file is empty\.$/],
    ['not JSON', 'Highlight,Title\n交付,标题', /^This file is not valid JSON \(.+\)\.$/],
    ['truncated JSON', nativeText().slice(0, 200), /^This file is not valid JSON/],
    ['a JSON string', '"netease-annotator"', /neither a NetEase Annotator backup nor W3C Web Annotations/],
    ['a JSON number', '42', /neither a NetEase Annotator backup nor W3C/],
    ['null', 'null', /neither a NetEase Annotator backup nor W3C/],
    [
      'an unrelated object',
      '{"highlights":[]}',
      /expected an object with "format": "netease-annotator", an AnnotationCollection/,
    ],
    ['another tool’s format', '{"format":"hypothesis","rows":[]}', /format is not one this extension reads: "hypothesis"/],
    [
      'a newer native version',
      '{"format":"netease-annotator","version":2,"annotations":[]}',
      /newer version of NetEase Annotator \(format version 2\); this version reads format version 1/,
    ],
    [
      'version as text',
      '{"format":"netease-annotator","version":"1","exportedAt":"2024-06-02T12:00:00.000Z","articles":[],"annotations":[]}',
      /^This backup file is damaged: version must be 1\.$/,
    ],
    [
      'no version',
      '{"format":"netease-annotator","exportedAt":"2024-06-02T12:00:00.000Z","articles":[],"annotations":[]}',
      /damaged: version is required/,
    ],
    [
      'annotations not a list',
      '{"format":"netease-annotator","version":1,"exportedAt":"2024-06-02T12:00:00.000Z","articles":[],"annotations":{}}',
      /damaged: annotations must be a list/,
    ],
    [
      'a bad export date',
      '{"format":"netease-annotator","version":1,"exportedAt":"yesterday","articles":[],"annotations":[]}',
      /damaged: exportedAt must be an ISO 8601 date/,
    ],
    [
      'an unknown envelope field',
      '{"format":"netease-annotator","version":1,"exportedAt":"2024-06-02T12:00:00.000Z","articles":[],"annotations":[],"extra":1}',
      /damaged: extra is not an allowed field/,
    ],
    [
      'a __proto__ envelope key',
      '{"format":"netease-annotator","version":1,"exportedAt":"2024-06-02T12:00:00.000Z","articles":[],"annotations":[],"__proto__":{"polluted":true}}',
      /damaged: __proto__ is not an allowed field/,
    ],
    [
      'a collection whose pages are only linked',
      '{"type":"AnnotationCollection","first":"https://example.org/page1"}',
      /pages are only linked/,
    ],
  ])('%s', (_, text, message) => {
    expect(failure(parseSaid(text))).toMatch(message);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses a 50 MB file before parsing it, naming both sizes', () => {
    const text = `[${'"x",'.repeat(12_500_000)}"x"]`;
    expect(failure(parseSaid(text))).toBe('This file is 47.7 MB; the largest file that can be imported is 32.0 MB.');
  });

  it('counts the size in UTF-8 bytes: Chinese text takes three per character', () => {
    const chinese = '字'.repeat(Math.floor(MAX_IMPORT_BYTES / 3) + 1);
    expect(chinese.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(failure(parseSaid(`"${chinese}"`))).toMatch(/largest file that can be imported is 32\.0 MB/);
  });

  it('accepts a file of exactly the limit, and refuses one byte more', () => {
    const padding = ' '.repeat(MAX_IMPORT_BYTES - 2);
    expect(parseSaid(`[]${padding}`).ok).toBe(true);
    expect(failure(parseSaid(`[] ${padding}`))).toMatch(/largest file/);
  });

  it('does not crash on deeply nested JSON', () => {
    const result = parseSaid(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(result.ok && result.value.rejected).toEqual([{ index: 0, reason: 'is not an annotation (an object)' }]);
  });
});

describe('parseImport: recognising the format', () => {
  it('reads a native backup', () => {
    const result = parseSaid(nativeText());
    expect(result.ok && result.value.format).toBe('native');
    expect(result.ok && result.value.annotations).toHaveLength(5);
  });

  it('reads a native backup that starts with a byte order mark', () => {
    const result = parseSaid(`\uFEFF${nativeText()}`);
    expect(result.ok && result.value.annotations).toHaveLength(5);
  });

  it('reads W3C documents: a bare list is a list of annotations', () => {
    const result = parseSaid('[]');
    expect(result).toEqual({ ok: true, value: { format: 'w3c', annotations: [], articles: [], rejected: [] } });
  });
});
