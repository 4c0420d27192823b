import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleRecord } from '../../../lib/core/model/annotation';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { StorageError } from '../../../storage/errors';
import type { ExportAnnotation } from '../../../lib/core/formats/export/export-data';
import type { ParsedImport, ParseRejection } from '../../../lib/core/formats/import/import-records';
import { readerText } from '../../../lib/core/model/reader-text';
import { importAnnotations } from '../../../storage/merge-import';
import { annotation, articles, PLANE_ID, SPECIALS_ID, T0, uuid } from '../export/fixtures';

let db: AnnotationDb;

beforeEach(() => {
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** A parsed import of `annotations` and `articleRecords`. */
const parsedOf = (
  annotations: ExportAnnotation[],
  articleRecords: ArticleRecord[] = [],
  rejected: ParseRejection[] = [],
): ParsedImport => ({ format: 'native', annotations, articles: articleRecords, rejected });

const stored = async () => (await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id));

const plane = (id: number, start: number, more: Parameters<typeof annotation>[4] = {}) =>
  annotation(uuid(id), PLANE_ID, { exact: '大飞机', prefix: '国产' }, start, more);

describe('importAnnotations: annotations', () => {
  it('adds new annotations and reports them, passing on the parse rejections', async () => {
    const rejected = [{ index: 2, reason: readerText('problemAt', 'note', readerText('problemMaxLength', 10_000)) }];
    const report = await importAnnotations(db, parsedOf([plane(1, 0), plane(2, 10)], [], rejected));
    expect(report).toEqual({
      added: 2,
      updated: 0,
      duplicates: 0,
      rejected: [{ index: 2, reason: 'note must be at most 10000 characters' }],
      rejectedTotal: 1,
      pageNotes: 0,
      skippedReplies: 0,
      skippedOtherSites: 0,
      articlesAdded: 0,
      articlesUpdated: 0,
      knownWordsAdded: 0,
      wordListAdded: 0,
    });
    expect(await stored()).toEqual([plane(1, 0), plane(2, 10)]);
  });

  it('replaces a stored annotation with a newer one of the same id', async () => {
    await db.annotations.put(plane(1, 0, { note: 'old' }));
    const newer = plane(1, 0, { note: 'new', updatedAt: T0 + 1 });
    expect(await importAnnotations(db, parsedOf([newer]))).toMatchObject({ added: 0, updated: 1, duplicates: 0 });
    expect(await stored()).toEqual([newer]);
  });

  it.each([
    ['older', -1],
    ['equally old', 0],
  ])('keeps the stored annotation when the imported one is %s', async (_, delta) => {
    const current = plane(1, 0, { note: 'mine', updatedAt: T0 + 10 });
    await db.annotations.put(current);
    const report = await importAnnotations(db, parsedOf([plane(1, 0, { note: 'theirs', updatedAt: T0 + 10 + delta })]));
    expect(report).toMatchObject({ added: 0, updated: 0, duplicates: 1 });
    expect(await stored()).toEqual([current]);
  });

  it('brings back a soft-deleted annotation when the import is newer, not when it is older', async () => {
    await db.annotations.put(plane(1, 0, { deletedAt: T0 + 5, updatedAt: T0 + 5 }));
    await db.annotations.put(plane(2, 10, { deletedAt: T0 + 5, updatedAt: T0 + 5 }));
    const report = await importAnnotations(
      db,
      parsedOf([plane(1, 0, { updatedAt: T0 + 6 }), plane(2, 10, { updatedAt: T0 + 4 })]),
    );
    expect(report).toMatchObject({ updated: 1, duplicates: 1 });
    expect((await stored()).map((a) => a.deletedAt)).toEqual([null, T0 + 5]);
  });

  it('skips a new id at the place of a live stored annotation: same article, quote and position', async () => {
    await db.annotations.put(plane(1, 10));
    const report = await importAnnotations(db, parsedOf([plane(2, 10, { note: 'from another tool' })]));
    expect(report).toMatchObject({ added: 0, duplicates: 1 });
    expect(await stored()).toEqual([plane(1, 10)]);
  });

  it('adds a new id at a different position, in another article, or with another quote', async () => {
    await db.annotations.put(plane(1, 10));
    const report = await importAnnotations(
      db,
      parsedOf([
        plane(2, 11),
        annotation(uuid(3), SPECIALS_ID, { exact: '大飞机', prefix: '国产' }, 10),
        annotation(uuid(4), PLANE_ID, { exact: '大飞', prefix: '国产' }, 10, { updatedAt: T0 }),
      ]),
    );
    expect(report).toMatchObject({ added: 3, duplicates: 0 });
  });

  it('adds a new id at the place of a soft-deleted annotation', async () => {
    await db.annotations.put(plane(1, 10, { deletedAt: T0 }));
    expect(await importAnnotations(db, parsedOf([plane(2, 10)]))).toMatchObject({ added: 1 });
  });

  it('collapses repeats within the file: the newest of one id, the first at one place', async () => {
    const report = await importAnnotations(
      db,
      parsedOf([
        plane(1, 0, { note: 'a' }),
        plane(1, 0, { note: 'b', updatedAt: T0 + 2 }),
        plane(1, 0, { note: 'c', updatedAt: T0 + 1 }),
        plane(2, 0),
      ]),
    );
    expect(report).toMatchObject({ added: 1, updated: 0, duplicates: 3 });
    expect(await stored()).toEqual([plane(1, 0, { note: 'b', updatedAt: T0 + 2 })]);
  });

  it('frees the old place of an annotation the import moves', async () => {
    await db.annotations.put(plane(1, 10));
    const report = await importAnnotations(db, parsedOf([plane(1, 20, { updatedAt: T0 + 1 }), plane(2, 10)]));
    expect(report).toMatchObject({ added: 1, updated: 1, duplicates: 0 });
  });

  it('counts every annotation of the file once', async () => {
    await db.annotations.bulkPut([plane(1, 0), plane(2, 10, { updatedAt: T0 + 9 })]);
    const file = [plane(1, 0, { updatedAt: T0 + 1 }), plane(2, 10), plane(3, 10), plane(4, 30), plane(4, 30)];
    const report = await importAnnotations(db, parsedOf(file, [], [{ index: 5, reason: readerText('importNotAnnotation') }]));
    expect(report.added + report.updated + report.duplicates).toBe(file.length);
    expect(report).toMatchObject({ added: 1, updated: 1, duplicates: 3 });
  });
});

describe('importAnnotations: articles', () => {
  const [planeArticle] = articles();

  it('adds an article that is not stored', async () => {
    const report = await importAnnotations(db, parsedOf([plane(1, 0)], [planeArticle]));
    expect(report).toMatchObject({ articlesAdded: 1, articlesUpdated: 0 });
    expect(await db.articles.get(PLANE_ID)).toEqual(planeArticle);
  });

  it('replaces a stored article with a newer record, keeping stored values for fields it leaves empty', async () => {
    await db.articles.put(planeArticle);
    const newer = { ...planeArticle, title: '新标题', source: '', updatedAt: T0 + 1 };
    expect(await importAnnotations(db, parsedOf([], [newer]))).toMatchObject({ articlesAdded: 0, articlesUpdated: 1 });
    expect(await db.articles.get(PLANE_ID)).toEqual({ ...newer, source: planeArticle.source });
  });

  it('keeps a stored article when the record is not newer (a W3C record, dated 0, never wins)', async () => {
    await db.articles.put(planeArticle);
    const stub = {
      id: PLANE_ID,
      title: '',
      source: '',
      publishedAt: '',
      url: 'https://www.163.com/dy/article/J3K9L0QA0512D3VR.html',
      updatedAt: 0,
    };
    expect(await importAnnotations(db, parsedOf([], [stub, { ...planeArticle, title: 'same age' }]))).toMatchObject({
      articlesAdded: 0,
      articlesUpdated: 0,
    });
    expect(await db.articles.get(PLANE_ID)).toEqual(planeArticle);
  });
});

describe('importAnnotations: all or nothing', () => {
  const file = () => parsedOf([plane(1, 0), plane(2, 10), plane(3, 20)], articles());

  it('writes nothing when one annotation write fails half-way', async () => {
    await db.annotations.put(plane(9, 90));
    let writes = 0;
    db.annotations.hook('creating', () => {
      if (++writes === 2) throw new Error('disk error on the second record');
    });
    await expect(importAnnotations(db, file())).rejects.toThrow('disk error on the second record');
    expect(await stored()).toEqual([plane(9, 90)]);
    expect(await db.articles.count()).toBe(0);
  });

  it('writes no annotation when the article write fails after them', async () => {
    vi.spyOn(db.articles, 'bulkPut').mockRejectedValue(new Error('articles table refused'));
    await expect(importAnnotations(db, file())).rejects.toThrow('articles table refused');
    expect(await db.annotations.count()).toBe(0);
  });

  it('turns a full disk into a StorageError the UI can explain', async () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    vi.spyOn(db.annotations, 'bulkPut').mockRejectedValue(quota);
    const err = await importAnnotations(db, file()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).code).toBe('storage-quota');
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('importAnnotations: known words', () => {
  it('adds new words and keeps the earliest addedAt of a word stored or repeated in the file', async () => {
    await db.knownWords.bulkPut([
      { word: 'early', addedAt: T0 },
      { word: 'late', addedAt: T0 + 500 },
    ]);
    const parsed: ParsedImport = {
      ...parsedOf([]),
      knownWords: [
        { word: 'early', addedAt: T0 + 100 },
        { word: 'late', addedAt: T0 + 200 },
        { word: 'new', addedAt: T0 + 300 },
        { word: 'new', addedAt: T0 + 50 },
      ],
    };
    expect(await importAnnotations(db, parsed)).toMatchObject({ knownWordsAdded: 1 });
    expect(await db.knownWords.orderBy('word').toArray()).toEqual([
      { word: 'early', addedAt: T0 },
      { word: 'late', addedAt: T0 + 200 },
      { word: 'new', addedAt: T0 + 50 },
    ]);
  });

  it('writes no known word when another write of the import fails', async () => {
    vi.spyOn(db.articles, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    const parsed: ParsedImport = { ...parsedOf([plane(1, 0)]), knownWords: [{ word: 'lost', addedAt: T0 }] };
    await expect(importAnnotations(db, parsed)).rejects.toThrow();
    expect(await db.knownWords.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
  });
});
