import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/extension/i18n';
import { PopupTabs, type PopupView } from '../../components/popup/PopupTabs';
import { AllArticles } from './AllArticles';
import { ThisArticle } from './ThisArticle';
import { useArticleAnnotations } from './use-article-annotations';
import { useArticleSummaries } from './use-article-summaries';
import { useSyncStatus } from '../../components/shared/use-sync-status';
import { SyncStatusLine } from '../../components/popup/SyncStatusLine';

/** Opens the annotation library in a new tab. */
const openLibrary = () => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });

/**
 * The toolbar popup: "This article" (the current article's highlights in reading order) and "All" (every annotated
 * article); it opens on the first on an article page, on the second elsewhere. A button opens the library; a line
 * says how sync is doing when it is on.
 */
export function PopupApp() {
  const article = useArticleAnnotations();
  // Read from the start, alongside asking the tab, so "All" shows as soon as the popup knows it is wanted.
  const all = useArticleSummaries();
  const [chosen, setChosen] = useState<PopupView | null>(null);
  const [sync] = useSyncStatus();
  const { kind } = article.data;
  const view: PopupView | null = chosen ?? (kind === 'loading' ? null : kind === 'article' ? 'article' : 'all');

  return (
    <main class="popup">
      <h1 class="visually-hidden">{t('extName')}</h1>
      <header class="popup-header">
        {view && <PopupTabs current={view} onSelect={setChosen} />}
        <button type="button" class="button" onClick={openLibrary}>
          {t('openLibrary')}
        </button>
      </header>
      <SyncStatusLine status={sync} />
      {view && (
        <section id="popup-panel" role="tabpanel" aria-labelledby={`popup-tab-${view}`}>
          {view === 'article' ? <ThisArticle {...article} /> : <AllArticles data={all} notArticle={kind === 'not-article'} />}
        </section>
      )}
    </main>
  );
}
