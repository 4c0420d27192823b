import { useEffect } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { openArticle } from '../../lib/pages/article-tabs';
import { ArticleList } from '../../components/popup/ArticleList';
import type { ArticleSummaries } from './use-article-summaries';

interface Props {
  data: ArticleSummaries;
  /** The active tab is not an article: say so above the list. */
  notArticle: boolean;
}

/** The popup's "All" view: every annotated article, most recently annotated first; counts follow the list. */
export function AllArticles({ data: { summaries, counted, error }, notArticle }: Props) {
  // The popup benchmark reads these marks: the list first on screen, then with its counts.
  useEffect(() => void (summaries && performance.mark('nea:popup-all-rendered')), [summaries !== null]);
  useEffect(() => void (counted && performance.mark('nea:popup-all-counted')), [counted]);

  return (
    <>
      {notArticle && <p class="message">{t('popupNotArticle')}</p>}
      {error !== null && (
        <p class="message error" role="alert">
          {t('loadFailed', error.message)}
        </p>
      )}
      {summaries &&
        (summaries.length === 0 ? (
          <p class="message">{t('popupNoArticles')}</p>
        ) : (
          <ArticleList summaries={summaries} onOpen={({ article }) => void openArticle(article.id, article.url)} />
        ))}
    </>
  );
}
