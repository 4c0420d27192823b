import { describe, expect, it } from 'vitest';
import { NATIVE_FORMAT, NATIVE_VERSION, toJson, type NativeFile } from '../../../lib/core/formats/export/to-json';
import { annotations, articles, EXPORTED_AT, MISSING_ID, sampleData, SPECIALS_ID, T0, uuid } from './fixtures';

const parse = (text: string): NativeFile => JSON.parse(text) as NativeFile;

describe('toJson', () => {
  it('matches the golden file', async () => {
    await expect(toJson(sampleData(), EXPORTED_AT)).toMatchFileSnapshot('../../fixtures/export/sample.json');
  });

  it('writes the versioned envelope', () => {
    const file = parse(toJson(sampleData(), EXPORTED_AT));
    expect(file).toMatchObject({ format: NATIVE_FORMAT, version: NATIVE_VERSION, exportedAt: '2024-06-02T12:00:00.000Z' });
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'articles', 'annotations', 'knownWords', 'wordList']);
  });

  it('keeps every stored field of every live annotation, unchanged, translation included', () => {
    const file = parse(toJson(sampleData(), EXPORTED_AT));
    const live = annotations().filter((a) => a.deletedAt === null);
    expect(file.annotations).toHaveLength(live.length);
    expect(file.annotations).toEqual(expect.arrayContaining(live));
    expect(file.annotations.find((a) => a.id === uuid(2))?.translation).toEqual({
      text: 'Character 𠀀 and emoji 😀',
      provider: 'Chrome',
    });
  });

  it('carries the known words, oldest first, then by word', () => {
    expect(parse(toJson(sampleData(), EXPORTED_AT)).knownWords).toEqual([
      { word: 'delivery', addedAt: T0 + 60_000 },
      { word: 'China', addedAt: T0 + 120_000 },
      { word: 'aircraft', addedAt: T0 + 120_000 },
    ]);
  });

  it('writes an empty list of known words when there are none', () => {
    expect(parse(toJson({ annotations: annotations(), articles: articles() }, EXPORTED_AT)).knownWords).toEqual([]);
  });

  it('leaves out soft-deleted annotations', () => {
    expect(parse(toJson(sampleData(), EXPORTED_AT)).annotations.map((a) => a.id)).not.toContain(uuid(6));
  });

  it('carries the records of the exported annotations’ articles only, unchanged', () => {
    const onlySpecials = { annotations: annotations().filter((a) => a.articleId === SPECIALS_ID), articles: articles() };
    expect(parse(toJson(onlySpecials, EXPORTED_AT)).articles).toEqual([articles()[1]]);
    expect(parse(toJson(sampleData(), EXPORTED_AT)).articles.map((a) => a.id)).not.toContain(MISSING_ID);
  });

  it('orders annotations by article (first annotated first), then reading order', () => {
    const ids = parse(toJson(sampleData(), EXPORTED_AT)).annotations.map((a) => a.id);
    expect(ids).toEqual([uuid(4), uuid(1), uuid(2), uuid(3), uuid(5)]);
  });
});
