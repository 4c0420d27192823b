import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnotationRepo, type AnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { StorageError } from '../../../storage/errors';
import { ARTICLE_ID, OTHER_ARTICLE_ID, articleMeta, newAnnotation } from '../messaging/fixtures';

const DAY = 24 * 60 * 60 * 1000;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let db: AnnotationDb;
let repo: AnnotationRepo;
let clock: number;

beforeEach(() => {
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  clock = 1_000_000;
  repo = createAnnotationRepo(db, () => clock);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** Expects `promise` to reject with a StorageError of `code`, and returns it. */
async function storageFailure(promise: Promise<unknown>, code: StorageError['code']): Promise<StorageError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StorageError);
  expect((err as StorageError).code).toBe(code);
  return err as StorageError;
}

describe('create', () => {
  it('assigns id, times and deletedAt, and stores the record', async () => {
    const created = await repo.create(articleMeta(), newAnnotation(10, 20, { note: 'n', tags: ['t'] }));
    expect(created.id).toMatch(UUID_RE);
    expect(created).toMatchObject({ articleId: ARTICLE_ID, color: 'yellow', note: 'n', tags: ['t'] });
    expect(created).toMatchObject({ createdAt: clock, updatedAt: clock, deletedAt: null });
    expect(await db.annotations.get(created.id)).toEqual(created);
  });

  it('gives every annotation its own id', async () => {
    const a = await repo.create(articleMeta(), newAnnotation());
    const b = await repo.create(articleMeta(), newAnnotation());
    expect(a.id).not.toBe(b.id);
  });

  it('stores only the fields of an annotation, not extra properties of the input', async () => {
    const input = { ...newAnnotation(), deletedAt: 5, id: 'mine' } as ReturnType<typeof newAnnotation>;
    const created = await repo.create(articleMeta(), input);
    expect(created.deletedAt).toBeNull();
    expect(created.id).not.toBe('mine');
  });

  it('creates the article record', async () => {
    await repo.create(articleMeta(), newAnnotation());
    expect(await repo.getArticle(ARTICLE_ID)).toEqual({ ...articleMeta(), updatedAt: clock });
  });

  it('keeps stored article fields when the new ones are empty, and takes non-empty new ones', async () => {
    await repo.create(articleMeta(), newAnnotation());
    clock += 5;
    const newUrl = `https://m.163.com/dy/article/${ARTICLE_ID}.html`;
    await repo.create(articleMeta({ title: '', source: '', publishedAt: '', url: newUrl }), newAnnotation());
    expect(await repo.getArticle(ARTICLE_ID)).toEqual({ ...articleMeta(), url: newUrl, updatedAt: clock });
  });
});

describe('listForArticle', () => {
  it('returns the article’s annotations by position start, then createdAt', async () => {
    const late = await repo.create(articleMeta(), newAnnotation(50, 60));
    clock += 1;
    const early = await repo.create(articleMeta(), newAnnotation(10, 20));
    clock += 1;
    const sameStartLater = await repo.create(articleMeta(), newAnnotation(10, 15));
    clock -= 10;
    const sameStartEarlier = await repo.create(articleMeta(), newAnnotation(10, 30));
    const ids = (await repo.listForArticle(ARTICLE_ID)).map((a) => a.id);
    expect(ids).toEqual([sameStartEarlier.id, early.id, sameStartLater.id, late.id]);
  });

  it('leaves out other articles and soft-deleted annotations', async () => {
    const kept = await repo.create(articleMeta(), newAnnotation());
    const deleted = await repo.create(articleMeta(), newAnnotation());
    await repo.create(articleMeta({ id: OTHER_ARTICLE_ID, url: 'https://www.163.com/x.html' }), newAnnotation());
    await repo.softDelete(deleted.id);
    expect((await repo.listForArticle(ARTICLE_ID)).map((a) => a.id)).toEqual([kept.id]);
  });

  it('is empty for an article with nothing stored', async () => {
    expect(await repo.listForArticle(ARTICLE_ID)).toEqual([]);
  });
});

describe('update', () => {
  it('changes only the patched fields and bumps updatedAt', async () => {
    const created = await repo.create(articleMeta(), newAnnotation(10, 20, { color: 'green', tags: ['a'] }));
    clock += 100;
    const updated = await repo.update(created.id, { note: 'new note' });
    expect(updated).toEqual({ ...created, note: 'new note', updatedAt: clock });
    expect(await db.annotations.get(created.id)).toEqual(updated);
  });

  it('changes color and tags', async () => {
    const created = await repo.create(articleMeta(), newAnnotation());
    const updated = await repo.update(created.id, { color: 'purple', tags: ['x', 'y'] });
    expect(updated).toMatchObject({ color: 'purple', tags: ['x', 'y'], note: created.note });
  });

  it('fails with not-found for an unknown id', async () => {
    const err = await storageFailure(repo.update(crypto.randomUUID(), { note: 'x' }), 'not-found');
    expect(err.message).toMatch(/no longer exists/);
  });

  it('fails with not-found for a soft-deleted annotation', async () => {
    const created = await repo.create(articleMeta(), newAnnotation());
    await repo.softDelete(created.id);
    await storageFailure(repo.update(created.id, { note: 'x' }), 'not-found');
    expect((await db.annotations.get(created.id))?.note).toBe('');
  });
});

describe('softDelete and restore', () => {
  it('soft-deletes, returning the record with deletedAt, and restore brings it back', async () => {
    const created = await repo.create(articleMeta(), newAnnotation());
    clock += 10;
    const deleted = await repo.softDelete(created.id);
    expect(deleted).toEqual({ ...created, deletedAt: clock, updatedAt: clock });
    expect(await repo.listForArticle(ARTICLE_ID)).toEqual([]);
    clock += 10;
    const restored = await repo.restore(created.id);
    expect(restored).toEqual({ ...created, deletedAt: null, updatedAt: clock });
    expect(await repo.listForArticle(ARTICLE_ID)).toEqual([restored]);
  });

  it('keeps the first deletion time when deleted twice', async () => {
    const created = await repo.create(articleMeta(), newAnnotation());
    const first = await repo.softDelete(created.id);
    clock += 10;
    expect(await repo.softDelete(created.id)).toEqual(first);
  });

  it('restoring a live annotation changes nothing', async () => {
    const created = await repo.create(articleMeta(), newAnnotation());
    clock += 10;
    expect(await repo.restore(created.id)).toEqual(created);
  });

  it('fails with not-found for unknown ids', async () => {
    await storageFailure(repo.softDelete(crypto.randomUUID()), 'not-found');
    await storageFailure(repo.restore(crypto.randomUUID()), 'not-found');
  });
});

describe('purgeDeletedOlderThan', () => {
  it('removes only annotations deleted longer ago than the limit', async () => {
    const old = await repo.create(articleMeta(), newAnnotation());
    const recent = await repo.create(articleMeta(), newAnnotation());
    const live = await repo.create(articleMeta(), newAnnotation());
    await repo.softDelete(old.id);
    clock += 20 * DAY;
    await repo.softDelete(recent.id);
    clock += 11 * DAY;
    expect(await repo.purgeDeletedOlderThan(30 * DAY)).toBe(1);
    expect(await db.annotations.get(old.id)).toBeUndefined();
    expect(await db.annotations.get(recent.id)).toBeDefined();
    expect(await db.annotations.get(live.id)).toBeDefined();
  });

  it('never removes live annotations, however old', async () => {
    const live = await repo.create(articleMeta(), newAnnotation());
    clock += 1000 * DAY;
    expect(await repo.purgeDeletedOlderThan(30 * DAY)).toBe(0);
    expect(await db.annotations.get(live.id)).toBeDefined();
  });
});

describe('getArticle', () => {
  it('is null for an article never annotated', async () => {
    expect(await repo.getArticle(ARTICLE_ID)).toBeNull();
  });
});

describe('storage failures', () => {
  it('maps a quota error to storage-quota and rolls back the article write', async () => {
    vi.spyOn(db.annotations, 'add').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const err = await storageFailure(repo.create(articleMeta(), newAnnotation()), 'storage-quota');
    expect(err.message).toMatch(/^Your browser is out of space for annotations/);
    vi.restoreAllMocks();
    expect(await repo.getArticle(ARTICLE_ID)).toBeNull();
  });

  it('maps a quota error on update to storage-quota and leaves the record as it was', async () => {
    const created = await repo.create(articleMeta(), newAnnotation());
    vi.spyOn(db.annotations, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await storageFailure(repo.update(created.id, { note: 'long' }), 'storage-quota');
    vi.restoreAllMocks();
    expect(await db.annotations.get(created.id)).toEqual(created);
  });

  it('maps a closed database to storage-unavailable', async () => {
    await repo.create(articleMeta(), newAnnotation());
    db.close();
    const err = await storageFailure(repo.listForArticle(ARTICLE_ID), 'storage-unavailable');
    expect(err.message).toMatch(/storage is unavailable/);
    await storageFailure(repo.create(articleMeta(), newAnnotation()), 'storage-unavailable');
  });

  it('passes unexpected errors through unchanged', async () => {
    const bug = new TypeError('bug');
    vi.spyOn(db.annotations, 'where').mockImplementation(() => {
      throw bug;
    });
    await expect(repo.listForArticle(ARTICLE_ID)).rejects.toBe(bug);
  });
});
