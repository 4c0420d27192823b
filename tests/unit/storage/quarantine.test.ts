/**
 * Damaged records and downgrades never take the rest down: a bad record is set aside (kept, with its reason) and the
 * article's other annotations still load; a database from a newer build is read without losing what it added.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { createAnnotationRepo } from '../../../storage/annotation-repo';
import { AnnotationDb, openAnnotationDb } from '../../../storage/db';
import { ARTICLE_ID, articleMeta, newAnnotation } from '../messaging/fixtures';

let db: AnnotationDb;

beforeEach(() => {
  db = openAnnotationDb(`quarantine-${crypto.randomUUID()}`);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('damaged records', () => {
  it('sets a damaged record aside with its reason and still lists the sound ones', async () => {
    const repo = createAnnotationRepo(db);
    const good = await repo.create(articleMeta(), newAnnotation(10, 20, { note: 'sound' }));
    const bad = { ...(await repo.create(articleMeta(), newAnnotation(30, 40))), color: 'chartreuse', target: null };
    await db.annotations.put(bad as never);

    const listed = await repo.listForArticle(ARTICLE_ID);
    expect(listed.map((a) => a.id)).toEqual([good.id]);
    const [aside] = await db.quarantine.toArray();
    expect(aside.id).toBe(bad.id);
    expect(aside.record).toEqual(bad);
    expect(aside.reason).toMatch(/color|target/);
    expect(await db.annotations.get(bad.id)).toBeUndefined();
    // Reading again finds nothing more to set aside, and the sound one is untouched.
    expect((await repo.listForArticle(ARTICLE_ID)).map((a) => a.note)).toEqual(['sound']);
    expect(await db.quarantine.count()).toBe(1);
  });

  it('keeps soft-deleted records (they are sound, and restorable)', async () => {
    const repo = createAnnotationRepo(db);
    const a = await repo.create(articleMeta(), newAnnotation());
    await repo.softDelete(a.id);
    expect(await repo.listForArticle(ARTICLE_ID)).toEqual([]);
    expect(await db.quarantine.count()).toBe(0);
    await repo.restore(a.id);
    expect(await repo.listForArticle(ARTICLE_ID)).toHaveLength(1);
  });
});

describe('downgrade', () => {
  it('lets an older build read a database a newer schema wrote, without touching what it does not know', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const written = await (async () => {
      const current = new AnnotationDb(name);
      const a = await createAnnotationRepo(current).create(articleMeta(), newAnnotation(10, 20, { note: 'kept' }));
      current.close();
      return a;
    })();
    // A newer build keeps every table (Dexie drops undeclared ones) and adds its own.
    const current = new AnnotationDb(name);
    const tables = current.tables.map(({ name: table, schema }) => [
      table,
      [schema.primKey.src, ...schema.indexes.map((index) => index.src)].join(', '),
    ]);
    current.close();
    const newer = new Dexie(name);
    newer.version(99).stores({ ...Object.fromEntries(tables), future: 'id' });
    await newer.open();
    await newer.table('future').put({ id: 'x', value: 'from the future' });
    newer.close();

    const older = new AnnotationDb(name);
    expect((await createAnnotationRepo(older).listForArticle(ARTICLE_ID)).map((a) => a.id)).toEqual([written.id]);
    older.close();

    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(99);
    expect(await again.table('future').get('x')).toEqual({ id: 'x', value: 'from the future' });
    again.close();
    await Dexie.delete(name);
  });
});
