import type { ToastView } from '../../lib/content/annotator/view-state';
import { t } from '../../lib/extension/i18n';

interface Props {
  toast: ToastView;
  onUndo: (id: string) => void;
  onRetry: () => void;
  onClose: () => void;
}

/** A short message at the bottom of the window: undo after a delete, a failure with retry, a confirmation. */
export function Toast({ toast, onUndo, onRetry, onClose }: Props) {
  return (
    <div
      class={`nea-toast ${toast.kind === 'error' ? 'nea-toast-error' : ''}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
    >
      <span>{toast.kind === 'undo' ? t('deleted') : toast.message}</span>
      {toast.kind === 'undo' && (
        <button type="button" class="nea-text-button" onClick={() => onUndo(toast.annotationId)}>
          {t('undo')}
        </button>
      )}
      {toast.kind === 'error' && toast.retry && (
        <button type="button" class="nea-text-button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
      <button type="button" class="nea-icon-button" aria-label={t('close')} title={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
