import { useMemo } from 'preact/hooks';
import { useFollowedRead } from '../../components/shared/use-followed-read';
import { callBackground } from '../../lib/extension/messaging/client';
import { touchesAnnotations } from '../../lib/pages/follow-changes';
import { articleSummaries, type ArticleSummary } from '../../lib/core/library/summaries';
import type { MessageError } from '../../lib/extension/messaging/messages';

/** The "All" list as it loads: null until the articles are read, then with counts once they are known. */
export interface ArticleSummaries {
  summaries: ArticleSummary[] | null;
  counted: boolean;
  error: MessageError | null;
}

/**
 * Every annotated article for the popup's "All" view, kept current as annotations change anywhere. The articles are
 * read first and counted in a second, slower request, so the list shows before the counts.
 */
export function useArticleSummaries(): ArticleSummaries {
  const articles = useFollowedRead(
    () => callBackground('articles/recent', {}),
    (c) => touchesAnnotations(c),
    [],
  );
  // Counting starts once the articles are read, so it does not hold up the list.
  const listed = articles.state === 'ready';
  const counts = useFollowedRead<[string, number][] | null>(
    async () => (listed ? callBackground('articles/counts', {}) : { ok: true, value: null }),
    (c) => touchesAnnotations(c),
    [listed],
  );
  const known = counts.state === 'ready' && counts.value ? new Map(counts.value) : null;
  return useMemo(
    () => ({
      summaries: articles.state === 'ready' ? articleSummaries(articles.value, known) : null,
      counted: known !== null,
      error: articles.state === 'error' ? articles.error : counts.state === 'error' ? counts.error : null,
    }),
    [articles, counts],
  );
}
