import { useMemo } from 'preact/hooks';
import { useLiveQuery } from '../../components/shared/use-live-query';
import type { AnnotationDb } from '../../storage/db';
import {
  articleSummaries,
  countLiveAnnotations,
  readArticlesByRecency,
  type ArticleSummary,
} from '../../storage/library-queries';

/** The "All" list as it loads: null until the articles are read, then with counts once they are known. */
export interface ArticleSummaries {
  summaries: ArticleSummary[] | null;
  counted: boolean;
  error: unknown;
}

/**
 * Every annotated article for the popup's "All" view, kept current as annotations change anywhere. The articles are
 * read first and counted in a second, slower query, so the list shows before the counts.
 */
export function useArticleSummaries(db: AnnotationDb): ArticleSummaries {
  const articles = useLiveQuery(() => readArticlesByRecency(db), [db]);
  // Counting starts once the articles are read, so it does not hold up the list.
  const listed = articles.state === 'ready';
  const counts = useLiveQuery(async () => (listed ? countLiveAnnotations(db) : null), [db, listed]);
  const known = counts.state === 'ready' ? counts.value : null;
  return useMemo(
    () => ({
      summaries: articles.state === 'ready' ? articleSummaries(articles.value, known) : null,
      counted: known !== null,
      error: articles.state === 'error' ? articles.error : counts.state === 'error' ? counts.error : null,
    }),
    [articles, counts],
  );
}
