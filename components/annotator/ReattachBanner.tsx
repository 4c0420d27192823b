import type { ReattachView } from '../../lib/content/annotator/view-state';
import { t } from '../../lib/extension/i18n';

interface Props {
  reattach: ReattachView;
  onAttach: () => void;
  onCancel: () => void;
}

/** Longest part of the old quote shown in the banner. */
const QUOTE_PREVIEW = 80;

/**
 * Shown while the reader re-attaches a highlight the page lost (started from the library): what it used to say,
 * and how to give it its new text — select it, then "Attach here" (in the toolbar or here, for the keyboard).
 */
export function ReattachBanner({ reattach, onAttach, onCancel }: Props) {
  const quote = reattach.quote.length > QUOTE_PREVIEW ? `${reattach.quote.slice(0, QUOTE_PREVIEW)}…` : reattach.quote;
  return (
    <div class="nea-banner" role="region" aria-label={t('reattachTitle')}>
      <p class="nea-banner-text">
        <strong>{t('reattachTitle')}</strong> {t('reattachHelp')}
      </p>
      <p class="nea-banner-quote">“{quote}”</p>
      <div class="nea-row">
        <button type="button" class="nea-text-button nea-primary" onMouseDown={(e) => e.preventDefault()} onClick={onAttach}>
          {t('reattachHere')}
        </button>
        <button type="button" class="nea-text-button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
