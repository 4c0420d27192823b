import type { ArticleSummary } from '../../lib/core/library/summaries';
import { VirtualList } from '../shared/VirtualList';
import { formatDay } from '../../lib/core/library/format';
import { t } from '../../lib/extension/i18n';

interface Props {
  summaries: readonly ArticleSummary[];
  onOpen: (summary: ArticleSummary) => void;
}

/** Height of one article in the list, in CSS pixels (see popup.css). */
const ROW_HEIGHT = 74;

/**
 * Every annotated article, as given (most recently annotated first): title to open it, source, date and count.
 * Windowed, so a library of hundreds of articles opens as fast as one of ten.
 */
export function ArticleList({ summaries, onOpen }: Props) {
  return (
    <VirtualList
      items={summaries}
      rowHeight={ROW_HEIGHT}
      label={t('popupAll')}
      resetKey={null}
      itemKey={(s) => s.article.id}
      renderRow={(summary) => <ArticleItem summary={summary} onOpen={() => onOpen(summary)} />}
    />
  );
}

/** One article of the list. */
function ArticleItem({ summary: { article, count }, onOpen }: { summary: ArticleSummary; onOpen: () => void }) {
  const title = article.title || t('untitledArticle', article.id);
  const meta = [article.source, formatDay(article.publishedAt)].filter(Boolean).join(' · ');
  return (
    <div class="article-item">
      <button type="button" class="article-title" aria-label={t('openArticle', title)} onClick={onOpen}>
        {title}
      </button>
      <p class="article-meta">
        <span>{meta}</span>
        {count !== null && <span class="article-count">{t('popupCount', count)}</span>}
      </p>
    </div>
  );
}
