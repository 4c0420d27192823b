import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { AnnotationList } from '../../components/popup/AnnotationList';
import { UndoBar } from '../../components/popup/UndoBar';
import { useArticleAnnotations } from './use-article-annotations';

/** The toolbar popup: the current article's highlights in reading order. */
export function PopupApp() {
  const { data, patch, remove, restore, scrollTo } = useArticleAnnotations();
  const [deletedId, setDeletedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onDelete = async (id: string) => {
    const failure = await remove(id);
    setError(failure?.message ?? null);
    if (!failure) setDeletedId(id);
  };
  const onUndo = async () => {
    if (!deletedId) return;
    const failure = await restore(deletedId);
    setError(failure?.message ?? null);
    if (!failure) setDeletedId(null);
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('popupTitle')}</h1>
        {data.kind === 'article' && <span class="popup-count">{t('popupCount', data.annotations.length)}</span>}
      </header>
      {data.kind === 'article' && <p class="popup-article-title">{data.page.article.title}</p>}
      {data.kind === 'not-article' && <p class="popup-message">{t('popupNotArticle')}</p>}
      {data.kind === 'error' && (
        <p class="popup-message popup-error" role="alert">
          {t('loadFailed', data.error.message)}
        </p>
      )}
      {error && (
        <p class="popup-message popup-error" role="alert">
          {error}
        </p>
      )}
      {data.kind === 'article' &&
        (data.annotations.length === 0 ? (
          <p class="popup-message">{t('popupEmpty')}</p>
        ) : (
          <AnnotationList
            annotations={data.annotations}
            orphans={new Set(data.page.anchors.filter((a) => a.status === 'orphan').map((a) => a.id))}
            onShow={scrollTo}
            onSaveNote={(id, note) => patch(id, { note })}
            onDelete={onDelete}
          />
        ))}
      {deletedId && <UndoBar onUndo={onUndo} onClose={() => setDeletedId(null)} />}
    </main>
  );
}
