import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { StorageError } from '../../../storage/errors';
import { createKnownWordsRepo } from '../../../storage/known-words-repo';

let db: AnnotationDb;
let time: number;

beforeEach(() => {
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  time = 1000;
});

afterEach(async () => {
  await db.delete();
});

describe('known words repository', () => {
  it('lists words oldest first and keeps when a word was first marked', async () => {
    const repo = createKnownWordsRepo(db, () => time++);
    await repo.set(['生命'], true);
    await repo.set(['研究', '生命'], true);
    expect(await repo.list()).toEqual(['生命', '研究']);
    expect(await db.knownWords.get('生命')).toEqual({ word: '生命', addedAt: 1000 });
  });

  it('forgets words marked not known, ignoring words it did not know', async () => {
    const repo = createKnownWordsRepo(db);
    await repo.set(['甲', '乙'], true);
    expect(await repo.set(['甲', '丙'], false)).toEqual(['乙']);
  });

  it('reports an unusable database as a storage error the reader can understand', async () => {
    const repo = createKnownWordsRepo(db);
    db.close();
    await expect(repo.list()).rejects.toBeInstanceOf(StorageError);
    await expect(repo.set(['甲'], true)).rejects.toMatchObject({ code: 'storage-unavailable' });
  });
});
