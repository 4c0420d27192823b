import { t } from '../../lib/i18n';

interface Props {
  onUndo: () => void;
  onClose: () => void;
}

/** Offers to bring back the highlight just deleted. */
export function UndoBar({ onUndo, onClose }: Props) {
  return (
    <div class="undo-bar" role="status">
      <span>{t('deleted')}</span>
      <button type="button" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" class="icon" aria-label={t('close')} title={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
