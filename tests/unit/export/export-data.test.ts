import { describe, expect, it } from 'vitest';
import { articleTitle, articleUrl, groupByArticle } from '../../../lib/core/formats/export/export-data';
import { annotation, articles, MISSING_ID, PLANE_ID, sampleData, SPECIALS_ID, T0, uuid } from './fixtures';

describe('groupByArticle', () => {
  it('groups live annotations by article, in the order articles were first annotated', () => {
    const groups = groupByArticle(sampleData());
    expect(groups.map((g) => g.articleId)).toEqual([PLANE_ID, SPECIALS_ID, MISSING_ID]);
    expect(groups.map((g) => g.article?.id)).toEqual([PLANE_ID, SPECIALS_ID, undefined]);
  });

  it('orders an article’s annotations by position, then creation time, then id', () => {
    const data = {
      articles: articles(),
      annotations: [
        annotation(uuid(9), PLANE_ID, { exact: 'b' }, 10, { createdAt: T0 }),
        annotation(uuid(8), PLANE_ID, { exact: 'a' }, 10, { createdAt: T0 }),
        annotation(uuid(7), PLANE_ID, { exact: 'c' }, 10, { createdAt: T0 - 1 }),
        annotation(uuid(1), PLANE_ID, { exact: 'd' }, 3, { createdAt: T0 + 5 }),
      ],
    };
    expect(groupByArticle(data)[0].annotations.map((a) => a.id)).toEqual([uuid(1), uuid(7), uuid(8), uuid(9)]);
  });

  it('leaves out soft-deleted annotations, and articles left with none', () => {
    const data = {
      articles: articles(),
      annotations: [annotation(uuid(1), SPECIALS_ID, { exact: 'x' }, 0, { deletedAt: T0 })],
    };
    expect(groupByArticle(data)).toEqual([]);
  });

  it('does not reorder its input', () => {
    const data = sampleData();
    const before = data.annotations.map((a) => a.id);
    groupByArticle(data);
    expect(data.annotations.map((a) => a.id)).toEqual(before);
  });
});

describe('articleTitle and articleUrl', () => {
  it('use the stored record', () => {
    const [group] = groupByArticle(sampleData());
    expect(articleTitle(group)).toBe('国产大飞机交付新进展');
    expect(articleUrl(group)).toBe(`https://www.163.com/dy/article/${PLANE_ID}.html`);
  });

  it('fall back to the ID and the desktop URL without a record, or with an empty title', () => {
    const group = { articleId: MISSING_ID, article: undefined, annotations: [] };
    expect(articleTitle(group)).toBe(`NetEase article ${MISSING_ID}`);
    expect(articleUrl(group)).toBe(`https://www.163.com/dy/article/${MISSING_ID}.html`);
    expect(articleTitle({ ...group, article: { ...articles()[0], title: '' } })).toBe(`NetEase article ${MISSING_ID}`);
  });
});
