import { useId } from 'preact/hooks';
import type { HighlightColor } from '../../lib/core/model/annotation';
import type { FilterControls } from '../../lib/core/library/filter';
import { SORT_ORDERS, type SortOrder } from '../../lib/core/library/sort';
import type { TagCount } from '../../lib/core/library/tags';
import { t } from '../../lib/extension/i18n';
import { ColorButtons } from '../annotator/ColorButtons';

interface Props {
  controls: FilterControls;
  onChange: (patch: Partial<FilterControls>) => void;
  order: SortOrder;
  onOrder: (order: SortOrder) => void;
  /** Tags in use, most used first. */
  tags: readonly TagCount[];
  /** Annotations open tabs could not place on their page. */
  orphanCount: number;
  /** Some control restricts the list: offer to clear them. */
  filtering: boolean;
  onClear: () => void;
}

const SORT_LABELS = { newest: 'sortNewest', oldest: 'sortOldest', edited: 'sortEdited', article: 'sortArticle' } as const;

/** The library's filters (colour, tag, days, orphans) and sort order. */
export function FilterPanel({ controls, onChange, order, onOrder, tags, orphanCount, filtering, onClear }: Props) {
  const id = useId();
  const toggleColor = (color: HighlightColor) => {
    const colors = new Set(controls.colors);
    if (!colors.delete(color)) colors.add(color);
    onChange({ colors });
  };
  return (
    <aside class="filter-panel" aria-label={t('filtersLabel')}>
      <div class="field">
        <label for={`${id}-sort`}>{t('sortLabel')}</label>
        <select id={`${id}-sort`} value={order} onChange={(e) => onOrder(e.currentTarget.value as SortOrder)}>
          {SORT_ORDERS.map((o) => (
            <option key={o} value={o}>
              {t(SORT_LABELS[o])}
            </option>
          ))}
        </select>
      </div>
      <div class="field" role="group" aria-label={t('filterColors')}>
        <span aria-hidden="true">{t('filterColors')}</span>
        <div class="swatches">
          <ColorButtons purpose="filter" selected={controls.colors} onPick={toggleColor} />
        </div>
      </div>
      <div class="field">
        <label for={`${id}-tag`}>{t('filterTag')}</label>
        <select id={`${id}-tag`} value={controls.tag ?? ''} onChange={(e) => onChange({ tag: e.currentTarget.value || null })}>
          <option value="">{t('anyTag')}</option>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {tag} ({count})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-from`}>{t('filterFrom')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={controls.fromDay}
          max={controls.toDay || undefined}
          onInput={(e) => onChange({ fromDay: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={`${id}-to`}>{t('filterTo')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={controls.toDay}
          min={controls.fromDay || undefined}
          onInput={(e) => onChange({ toDay: e.currentTarget.value })}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={controls.orphansOnly}
          onChange={(e) => onChange({ orphansOnly: e.currentTarget.checked })}
        />
        {t('filterOrphans', orphanCount)}
      </label>
      <p class="hint">{t('filterOrphansHelp')}</p>
      {filtering && (
        <button type="button" class="button" onClick={onClear}>
          {t('clearFilters')}
        </button>
      )}
    </aside>
  );
}
