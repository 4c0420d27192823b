/** Annotations and articles for the library's unit tests: each call returns fresh records to change. */
import type { Annotation, ArticleRecord, HighlightColor } from '../../../lib/core/model/annotation';

let next = 0;

/** A stored article. */
export const article = (id: string, title: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord => ({
  id,
  title,
  source: '网易科技',
  publishedAt: '2024-05-01T08:30:00+08:00',
  url: `https://www.163.com/dy/article/${id}.html`,
  updatedAt: 1,
  ...overrides,
});

/** A live annotation of `articleId` on `quote` at `start`. */
export function annotation(
  articleId: string,
  quote: string,
  overrides: Partial<Annotation> & { start?: number } = {},
): Annotation {
  const { start = 0, ...rest } = overrides;
  next++;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    articleId,
    color: 'yellow' as HighlightColor,
    note: '',
    tags: [],
    target: {
      version: 1,
      selector: [
        { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: start + quote.length },
      ],
    },
    createdAt: next,
    updatedAt: next,
    deletedAt: null,
    ...rest,
  };
}
