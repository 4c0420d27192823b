import { useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { copyArticleMarkdown, downloadExport } from '../../lib/pages/export-actions';
import { AnnotationList } from '../../components/popup/AnnotationList';
import { ExportBar } from '../../components/popup/ExportBar';
import { UndoBar } from '../../components/popup/UndoBar';
import type { useArticleAnnotations } from './use-article-annotations';
import { PageGloss } from './PageGloss';

type Props = ReturnType<typeof useArticleAnnotations>;

/** The popup's "This article" view: the current article's highlights in reading order, its export, undo. */
export function ThisArticle({ data, patch, remove, restore, scrollTo }: Props) {
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
    <>
      {data.kind === 'article' && (
        <div class="popup-article">
          <p class="popup-article-title">{data.page.article.title}</p>
          <span class="popup-count">{t('popupCount', data.annotations.length)}</span>
        </div>
      )}
      {data.kind === 'article' && <PageGloss tabId={data.tabId} />}
      {data.kind === 'not-article' && <p class="message">{t('popupNotArticle')}</p>}
      {data.kind === 'error' && (
        <p class="message error" role="alert">
          {t('loadFailed', data.error.message)}
        </p>
      )}
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
      {data.kind === 'article' &&
        (data.annotations.length === 0 ? (
          <p class="message">{t('popupEmpty')}</p>
        ) : (
          <>
            <ExportBar
              onCopyMarkdown={() => copyArticleMarkdown(data.page.article.id)}
              onDownload={(format) => downloadExport(format, { kind: 'article', articleId: data.page.article.id })}
            />
            <AnnotationList
              annotations={data.annotations}
              orphans={new Set(data.page.anchors.filter((a) => a.status === 'orphan').map((a) => a.id))}
              onShow={scrollTo}
              onSaveNote={(id, note) => patch(id, { note })}
              onDelete={onDelete}
            />
          </>
        ))}
      {deletedId && <UndoBar message={t('deleted')} onUndo={onUndo} onClose={() => setDeletedId(null)} />}
    </>
  );
}
