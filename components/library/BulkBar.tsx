import { t } from '../../lib/extension/i18n';

interface Props {
  shownCount: number;
  /** How many of the shown rows are selected. */
  selectedShown: number;
  /** How many rows are selected in all (some may be hidden by the filters). */
  selectedCount: number;
  onSelectShown: (selected: boolean) => void;
  onDeleteSelected: () => void;
  onExportSelected: () => void;
}

/** The count of results, "select all shown", and what to do with the selected rows. */
export function BulkBar({ shownCount, selectedShown, selectedCount, onSelectShown, onDeleteSelected, onExportSelected }: Props) {
  const all = shownCount > 0 && selectedShown === shownCount;
  return (
    <div class="bulk-bar">
      <label class="check">
        <input
          type="checkbox"
          checked={all}
          disabled={shownCount === 0}
          ref={(el) => {
            if (el) el.indeterminate = selectedShown > 0 && !all;
          }}
          onChange={(e) => onSelectShown(e.currentTarget.checked)}
        />
        {t('selectShown')}
      </label>
      <span class="result-count" role="status">
        {t('popupCount', shownCount.toLocaleString())}
        {selectedCount > 0 && ` · ${t('selectedCount', selectedCount.toLocaleString())}`}
      </span>
      <span class="bulk-actions">
        <button type="button" class="button danger" disabled={selectedCount === 0} onClick={onDeleteSelected}>
          {t('deleteSelected', selectedCount.toLocaleString())}
        </button>
        <button type="button" class="button" disabled={selectedCount === 0} onClick={onExportSelected}>
          {t('exportSelectedButton')}
        </button>
      </span>
    </div>
  );
}
