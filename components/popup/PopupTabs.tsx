import { t } from '../../lib/extension/i18n';

/** The popup's two views. */
export type PopupView = 'article' | 'all';

const VIEWS: PopupView[] = ['article', 'all'];

interface Props {
  current: PopupView;
  onSelect: (view: PopupView) => void;
}

/** "This article" / "All" as a tab list: click, or arrow keys between the tabs (ARIA tabs pattern). */
export function PopupTabs({ current, onSelect }: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(current) + 1) % VIEWS.length];
    onSelect(next);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#popup-tab-${next}`)?.focus();
  };
  return (
    <div class="popup-tabs" role="tablist" aria-label={t('popupViews')} onKeyDown={onKeyDown}>
      {VIEWS.map((view) => (
        <button
          type="button"
          role="tab"
          key={view}
          id={`popup-tab-${view}`}
          aria-selected={view === current}
          aria-controls="popup-panel"
          tabIndex={view === current ? 0 : -1}
          class="popup-tab"
          onClick={() => onSelect(view)}
        >
          {view === 'article' ? t('popupTitle') : t('popupAll')}
        </button>
      ))}
    </div>
  );
}
