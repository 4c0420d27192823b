/** The popup's "All" list: each annotated article with its count of live annotations. */
import type { ArticleRecord } from '../model/annotation';

/** An annotated article as the popup's "All" list shows it. */
export interface ArticleSummary {
  article: ArticleRecord;
  /** Its live annotations; null while not yet counted. */
  count: number | null;
}

/**
 * The popup's list: the articles in their order, each with its count once `counts` are known; articles known to
 * have no live annotation left (all deleted) are left out.
 */
export function articleSummaries(
  articles: readonly ArticleRecord[],
  counts: ReadonlyMap<string, number> | null,
): ArticleSummary[] {
  return articles
    .map((article) => ({ article, count: counts?.get(article.id) ?? null }))
    .filter((summary) => summary.count !== 0);
}
