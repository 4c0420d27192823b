/** Valid request parts shared by the storage and messaging tests; each call returns a fresh copy to mutate. */
import type { ArticleMeta, NewAnnotation } from '../../../lib/core/model/annotation';

/** A 16-character NetEase article ID. */
export const ARTICLE_ID = 'J3K9L0QA0512D3VR';
/** A second article, for "other article" checks. */
export const OTHER_ARTICLE_ID = 'HQ2B3C4D0001875O';

/** Metadata of a NetEase article page. */
export const articleMeta = (overrides: Partial<ArticleMeta> = {}): ArticleMeta => ({
  id: ARTICLE_ID,
  title: '国产大飞机交付新进展',
  source: '网易科技',
  publishedAt: '2024-05-01T08:30:00+08:00',
  url: `https://www.163.com/dy/article/${ARTICLE_ID}.html`,
  ...overrides,
});

/** A new annotation on text positions `start`..`end`. */
export const newAnnotation = (start = 10, end = 20, overrides: Partial<NewAnnotation> = {}): NewAnnotation => ({
  color: 'yellow',
  note: '',
  tags: [],
  target: {
    version: 1,
    selector: [
      { type: 'TextQuoteSelector', exact: '大飞机交付', prefix: '国产', suffix: '新进展' },
      { type: 'TextPositionSelector', start, end },
    ],
  },
  ...overrides,
});
