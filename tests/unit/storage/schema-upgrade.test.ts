/**
 * A database written by an earlier schema opens with the current one with every record intact.
 * The fixture is a v1 database as that build wrote it; the test writes it with the v1 schema, then opens it now.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnnotationDb } from '../../../storage/db';
import { createAnnotationRepo } from '../../../storage/annotation-repo';

const v1 = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/db/v1-database.json'), 'utf8'));

async function writeV1Database(name: string) {
  const old = new Dexie(name);
  old.version(v1.version).stores(v1.stores);
  await old.open();
  await old.table('articles').bulkAdd(v1.articles);
  await old.table('annotations').bulkAdd(v1.annotations);
  old.close();
}

describe('schema upgrades', () => {
  it('opens a v1 database with every annotation and article intact, and the v2 tables usable', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    await writeV1Database(name);
    const db = new AnnotationDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThan(1);
    const annotations = await db.annotations.orderBy('id').toArray();
    expect(annotations).toEqual(v1.annotations);
    expect(await db.articles.toArray()).toEqual(v1.articles);
    // Indexes still answer: by article, by tag, and the soft-deleted one by deletedAt.
    expect(await db.annotations.where('tags').equals('物理').count()).toBe(2);
    expect(await db.annotations.where('deletedAt').above(0).primaryKeys()).toEqual([v1.annotations[2].id]);
    await db.knownWords.put({ word: '工程師', addedAt: 1 });
    expect(await db.knownWords.get('工程師')).toEqual({ word: '工程師', addedAt: 1 });

    // The repository works on the upgraded data: list, restore the deleted one, edit.
    const repo = createAnnotationRepo(db);
    expect((await repo.listForArticle('KJ8S2N1V0556A7ZQ')).map((a) => a.id)).toEqual([
      v1.annotations[0].id,
      v1.annotations[1].id,
    ]);
    await repo.restore(v1.annotations[2].id);
    expect(await repo.listForArticle('KJ8S2N1V0556A7ZQ')).toHaveLength(3);
    db.close();
  });
});
