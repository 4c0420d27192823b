/**
 * Two tabs and the popup edit the same annotation at once: each change is a per-field patch applied in its own
 * transaction, so edits to different fields all survive, and for the same field the later write wins.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotationRepo, type AnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { articleMeta, newAnnotation } from '../messaging/fixtures';

let db: AnnotationDb;
let repo: AnnotationRepo;

beforeEach(() => {
  db = openAnnotationDb(`concurrent-${crypto.randomUUID()}`);
  repo = createAnnotationRepo(db);
});

afterEach(async () => {
  await db.delete();
});

describe('concurrent edits', () => {
  it('keeps edits of different fields made at the same time from different views', async () => {
    const { id } = await repo.create(articleMeta(), newAnnotation());
    await Promise.all([
      repo.update(id, { note: 'typed in tab A' }),
      repo.update(id, { color: 'blue' }),
      repo.update(id, { tags: ['from the popup'] }),
    ]);
    const stored = await db.annotations.get(id);
    expect(stored).toMatchObject({ note: 'typed in tab A', color: 'blue', tags: ['from the popup'] });
  });

  it('lets the later write win for the same field, and a delete in one view is not undone by an edit in another', async () => {
    const { id } = await repo.create(articleMeta(), newAnnotation());
    await Promise.all([repo.update(id, { note: 'first' }), repo.update(id, { note: 'second' })]);
    expect((await db.annotations.get(id))!.note).toBe('second');

    await repo.softDelete(id);
    await expect(repo.update(id, { note: 'late edit from a stale tab' })).rejects.toMatchObject({ code: 'not-found' });
    expect((await db.annotations.get(id))!.deletedAt).not.toBeNull();
  });
});
