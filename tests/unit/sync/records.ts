/** Valid records of each kind for the sync tests. */
import type { Annotation, ArticleRecord } from '../../../lib/core/model/annotation';

export const ARTICLE_ID = 'JK3Q9N2R0524BFN4';

let uuidCounter = 0;

/** A UUID v4 that is valid and unique in this run. */
export const uuid = (): string => {
  const n = (++uuidCounter).toString(16).padStart(12, '0');
  return `5f0c9e7a-1b2c-4d3e-8f4a-${n}`;
};

/** An annotation on the test article quoting `exact`. */
export function annotation(exact: string, extra: Partial<Annotation> = {}): Annotation {
  return {
    id: uuid(),
    articleId: ARTICLE_ID,
    color: 'yellow',
    note: '',
    tags: [],
    target: {
      version: 1,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: exact.length },
      ],
    },
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    deletedAt: null,
    ...extra,
  };
}

/** The test article's record. */
export const article = (title: string): ArticleRecord => ({
  id: ARTICLE_ID,
  title,
  source: '网易新闻',
  publishedAt: '2024-05-01T08:00:00+08:00',
  url: `https://www.163.com/dy/article/${ARTICLE_ID}.html`,
  updatedAt: 1_700_000_000_000,
});
