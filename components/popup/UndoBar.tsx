import { t } from '../../lib/extension/i18n';

interface Props {
  /** What was deleted, e.g. "Highlight deleted." */
  message: string;
  onUndo: () => void;
  onClose: () => void;
}

/** Offers to bring back what was just deleted (popup and library). */
export function UndoBar({ message, onUndo, onClose }: Props) {
  return (
    <div class="undo-bar" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" class="icon" aria-label={t('close')} title={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
