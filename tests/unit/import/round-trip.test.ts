import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { say } from '../../../lib/extension/i18n';
import { createAnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import type { ExportData } from '../../../lib/core/formats/export/export-data';
import { exportFile } from '../../../lib/core/formats/export/export-file';
import { importAnnotations } from '../../../storage/merge-import';
import type { ExportFormat, ImportReport } from '../../../lib/core/model/exchange';
import { parseImport } from '../../../lib/core/formats/import/parse-import';
import { annotations, articles, EXPORTED_AT, knownWords, MISSING_ID } from '../export/fixtures';

let source: AnnotationDb;
let target: AnnotationDb;

beforeEach(async () => {
  source = openAnnotationDb(`source-${crypto.randomUUID()}`);
  target = openAnnotationDb(`target-${crypto.randomUUID()}`);
  await source.annotations.bulkPut(annotations());
  await source.articles.bulkPut(articles());
  await source.knownWords.bulkPut(knownWords());
});

afterEach(async () => {
  await source.delete();
  await target.delete();
});

/** Everything stored in `db`, in id order. */
async function everything(db: AnnotationDb): Promise<ExportData> {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    annotations: byId(await db.annotations.toArray()),
    articles: byId(await db.articles.toArray()),
    knownWords: (await db.knownWords.toArray()).sort((a, b) => a.word.localeCompare(b.word)),
  };
}

/** Exports everything in `from` as `format` and imports the file into `into`. */
async function exportThenImport(format: ExportFormat, from: AnnotationDb, into: AnnotationDb): Promise<ImportReport> {
  const file = exportFile(format, await everything(from), { kind: 'all' }, { now: EXPORTED_AT });
  const parsed = parseImport(file.text);
  if (!parsed.ok) throw new Error(say(parsed.error));
  return importAnnotations(into, parsed.value);
}

const live = async (db: AnnotationDb) => (await everything(db)).annotations.filter((a) => a.deletedAt === null);

describe('native JSON round trip', () => {
  it('gives back identical live annotations and their articles in an empty database', async () => {
    const report = await exportThenImport('json', source, target);
    expect(report).toEqual({
      added: 5,
      updated: 0,
      duplicates: 0,
      rejected: [],
      rejectedTotal: 0,
      pageNotes: 0,
      skippedReplies: 0,
      skippedOtherSites: 0,
      articlesAdded: 2,
      articlesUpdated: 0,
      knownWordsAdded: 3,
      wordListAdded: 0,
    });
    expect(await live(target)).toStrictEqual(await live(source));
    expect((await everything(target)).articles).toStrictEqual((await everything(source)).articles);
  });

  it('gives back the known words, with when each was marked', async () => {
    await exportThenImport('json', source, target);
    expect((await everything(target)).knownWords).toStrictEqual(knownWords().sort((a, b) => a.word.localeCompare(b.word)));
    expect(await exportThenImport('json', source, target)).toMatchObject({ knownWordsAdded: 0 });
  });

  it('gives back what the repository stored, after a real create, update and delete', async () => {
    const repo = createAnnotationRepo(source, () => 1_700_000_000_000);
    const [plane] = articles();
    const created = await repo.create(plane, {
      color: 'blue',
      note: '笔记 <b>x</b>',
      tags: ['航空'],
      target: {
        version: 1,
        selector: [
          { type: 'TextQuoteSelector', exact: '😀国产', prefix: '𠀀', suffix: '' },
          { type: 'TextPositionSelector', start: 2, end: 6 },
        ],
      },
    });
    await repo.update(created.id, { note: 'changed' });
    await exportThenImport('json', source, target);
    expect(await target.annotations.get(created.id)).toStrictEqual(await source.annotations.get(created.id));
    expect(await target.articles.get(plane.id)).toStrictEqual(await source.articles.get(plane.id));
  });

  it('changes nothing when the same backup is imported again', async () => {
    await exportThenImport('json', source, target);
    const before = await everything(target);
    expect(await exportThenImport('json', source, target)).toMatchObject({ added: 0, updated: 0, duplicates: 5 });
    expect(await everything(target)).toStrictEqual(before);
  });
});

describe('W3C round trip', () => {
  it('gives back the same highlights: quote, position, note, tags, colour, times, and the translation', async () => {
    const report = await exportThenImport('w3c', source, target);
    expect(report).toMatchObject({ added: 5, rejected: [] });
    // No translation is written as null or left out alike.
    const noneAsNull = (list: Awaited<ReturnType<typeof live>>) =>
      list.map((a) => ({ ...a, translation: a.translation ?? null }));
    expect(noneAsNull(await live(target))).toStrictEqual(noneAsNull(await live(source)));
  });

  it('gives back each article record as the native backup would; one without a record by its URL only', async () => {
    await exportThenImport('w3c', source, target);
    expect((await everything(target)).articles).toStrictEqual(
      [
        ...articles(),
        {
          id: MISSING_ID,
          title: '',
          source: '',
          publishedAt: '',
          url: `https://www.163.com/dy/article/${MISSING_ID}.html`,
          updatedAt: 0,
        },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('matches our own re-imported W3C export by id: all duplicates', async () => {
    expect(await exportThenImport('w3c', source, source)).toMatchObject({ added: 0, updated: 0, duplicates: 5 });
  });
});
