import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotationRepo, type AnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { articleSummaries, countLiveAnnotations, readAllRecords, readArticlesByRecency } from '../../../storage/library-queries';
import { ARTICLE_ID, OTHER_ARTICLE_ID, articleMeta, newAnnotation } from '../messaging/fixtures';

let db: AnnotationDb;
let repo: AnnotationRepo;
let clock: number;

beforeEach(() => {
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  clock = 1_000;
  repo = createAnnotationRepo(db, () => clock);
});

afterEach(async () => {
  await db.delete();
});

/** Creates `n` annotations on `articleId` at the current clock, returning their ids. */
async function annotate(articleId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      (
        await repo.create(
          articleMeta({ id: articleId, url: `https://www.163.com/dy/article/${articleId}.html` }),
          newAnnotation(i, i + 5),
        )
      ).id,
    );
  }
  return ids;
}

describe('the popup\u2019s article list', () => {
  it('lists articles most recently annotated first', async () => {
    await annotate(ARTICLE_ID, 1);
    clock = 2_000;
    await annotate(OTHER_ARTICLE_ID, 1);
    expect((await readArticlesByRecency(db)).map((a) => a.id)).toEqual([OTHER_ARTICLE_ID, ARTICLE_ID]);
    clock = 3_000;
    await annotate(ARTICLE_ID, 1);
    expect((await readArticlesByRecency(db)).map((a) => a.id)).toEqual([ARTICLE_ID, OTHER_ARTICLE_ID]);
  });

  it('counts live annotations per article, not deleted ones', async () => {
    const [first] = await annotate(ARTICLE_ID, 3);
    const [other] = await annotate(OTHER_ARTICLE_ID, 1);
    await repo.softDelete(first);
    await repo.softDelete(other);
    expect(await countLiveAnnotations(db)).toEqual(
      new Map([
        [ARTICLE_ID, 2],
        [OTHER_ARTICLE_ID, 0],
      ]),
    );
  });

  it('leaves out articles with nothing left, and shows the rest before they are counted', async () => {
    await annotate(ARTICLE_ID, 2);
    const [other] = await annotate(OTHER_ARTICLE_ID, 1);
    await repo.softDelete(other);
    const articles = await readArticlesByRecency(db);
    expect(articleSummaries(articles, null).map((s) => [s.article.id, s.count])).toEqual([
      [ARTICLE_ID, null],
      [OTHER_ARTICLE_ID, null],
    ]);
    expect(articleSummaries(articles, await countLiveAnnotations(db)).map((s) => [s.article.id, s.count])).toEqual([
      [ARTICLE_ID, 2],
    ]);
  });
});

describe('readAllRecords', () => {
  it('reads every annotation, deleted ones included, and every article', async () => {
    const [first] = await annotate(ARTICLE_ID, 2);
    await repo.softDelete(first);
    const all = await readAllRecords(db);
    expect(all.annotations).toHaveLength(2);
    expect(all.annotations.find((a) => a.id === first)!.deletedAt).toBe(1_000);
    expect(all.articles.map((a) => a.id)).toEqual([ARTICLE_ID]);
  });
});
