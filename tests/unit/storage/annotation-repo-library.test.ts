/** The repository's operations for the annotation library: bulk delete and restore, re-attach, tags, import. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { say } from '../../../lib/extension/i18n';
import { createAnnotationRepo, type AnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { StorageError } from '../../../storage/errors';
import { parseImport } from '../../../lib/core/formats/import/parse-import';
import { ARTICLE_ID, articleMeta, newAnnotation } from '../messaging/fixtures';

let db: AnnotationDb;
let repo: AnnotationRepo;
let clock: number;

beforeEach(() => {
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  clock = 1_000;
  repo = createAnnotationRepo(db, () => clock);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const createOne = (start = 10, tags: string[] = []) => repo.create(articleMeta(), newAnnotation(start, start + 5, { tags }));

describe('softDeleteMany and restoreMany', () => {
  it('deletes and restores the listed annotations, skipping unknown ids', async () => {
    const a = await createOne(1);
    const b = await createOne(20);
    const c = await createOne(40);
    clock = 2_000;
    const deleted = await repo.softDeleteMany([a.id, b.id, crypto.randomUUID()]);
    expect(deleted.map((x) => [x.id, x.deletedAt])).toEqual([
      [a.id, 2_000],
      [b.id, 2_000],
    ]);
    expect((await repo.listForArticle(ARTICLE_ID)).map((x) => x.id)).toEqual([c.id]);
    clock = 3_000;
    const restored = await repo.restoreMany([a.id, b.id]);
    expect(restored.map((x) => [x.deletedAt, x.updatedAt])).toEqual([
      [null, 3_000],
      [null, 3_000],
    ]);
    expect(await repo.listForArticle(ARTICLE_ID)).toHaveLength(3);
  });

  it('leaves an annotation already deleted as it was', async () => {
    const a = await createOne();
    await repo.softDelete(a.id);
    clock = 5_000;
    const [again] = await repo.softDeleteMany([a.id]);
    expect(again.deletedAt).toBe(1_000);
  });

  it('reports a full disk as a storage error and leaves the annotations live', async () => {
    const a = await createOne(1);
    const b = await createOne(20);
    vi.spyOn(db.annotations, 'bulkPut').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await expect(repo.softDeleteMany([a.id, b.id])).rejects.toBeInstanceOf(StorageError);
    expect(await repo.listForArticle(ARTICLE_ID)).toHaveLength(2);
  });
});

describe('reattach', () => {
  it('gives a live annotation a new target and keeps its note and tags', async () => {
    const a = await repo.create(articleMeta(), newAnnotation(10, 15, { note: 'n', tags: ['t'] }));
    const target = newAnnotation(100, 108).target;
    target.selector[0].exact = '新的文字';
    clock = 2_000;
    const moved = await repo.reattach(a.id, target);
    expect(moved).toMatchObject({ note: 'n', tags: ['t'], target, updatedAt: 2_000 });
    expect(await db.annotations.get(a.id)).toEqual(moved);
  });

  it('refuses a deleted annotation', async () => {
    const a = await createOne();
    await repo.softDelete(a.id);
    await expect(repo.reattach(a.id, newAnnotation().target)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('tags, reading everything, importing', () => {
  it('lists each tag in use once', async () => {
    await createOne(1, ['速度', 'musk']);
    await createOne(20, ['musk']);
    expect(await repo.listTags()).toEqual(['musk', '速度']);
  });

  it('reads every record, and imports a parsed file in one go', async () => {
    const a = await createOne();
    const backup = JSON.stringify({
      format: 'netease-annotator',
      version: 1,
      exportedAt: '2024-05-01T00:00:00.000Z',
      articles: (await repo.readAll()).articles,
      annotations: [{ ...a, note: 'newer', updatedAt: a.updatedAt + 1 }],
    });
    const parsed = parseImport(backup);
    if (!parsed.ok) throw new Error(say(parsed.error));
    expect(await repo.importParsed(parsed.value)).toMatchObject({ added: 0, updated: 1, duplicates: 0 });
    expect((await repo.readAll()).annotations.map((x) => x.note)).toEqual(['newer']);
  });
});
