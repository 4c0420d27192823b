import { t } from '../../lib/extension/i18n';

interface Props {
  onTranslate: () => void;
}

/** The selection toolbar's Translate button (the translation popover; `Alt+T` does the same). Keeps the selection. */
export function TranslateButton({ onTranslate }: Props) {
  return (
    <button
      type="button"
      class="nea-text-button"
      title={t('translateButtonHelp')}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onTranslate}
    >
      {t('translateButton')}
    </button>
  );
}
