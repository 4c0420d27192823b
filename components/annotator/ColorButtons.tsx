import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/core/model/annotation';
import { HIGHLIGHT_BACKGROUNDS } from '../../lib/core/model/highlight-styles';
import { t } from '../../lib/extension/i18n';

interface Props {
  /** Which label each button gets: creating a highlight, changing one, or showing only some colours (library). */
  purpose: 'highlight' | 'change' | 'filter';
  /** The colour in use ('change'). */
  current?: HighlightColor;
  /** The colours shown ('filter'). */
  selected?: ReadonlySet<HighlightColor>;
  onPick: (color: HighlightColor) => void;
}

const LABELS = { highlight: 'highlightColor', change: 'changeColor', filter: 'filterColor' } as const;

/** The five colour swatches, each a named button (selection toolbar, highlight popover, library filter). */
export function ColorButtons({ purpose, current, selected, onPick }: Props) {
  return (
    <>
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          type="button"
          key={color}
          class="nea-swatch"
          style={{ background: HIGHLIGHT_BACKGROUNDS[color] }}
          aria-label={t(LABELS[purpose], t(`color_${color}`))}
          title={t(LABELS[purpose], t(`color_${color}`))}
          aria-pressed={
            purpose === 'change' ? color === current : purpose === 'filter' ? (selected?.has(color) ?? false) : undefined
          }
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(color)}
        />
      ))}
    </>
  );
}
