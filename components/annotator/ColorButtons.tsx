import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/model/annotation';
import { HIGHLIGHT_BACKGROUNDS } from '../../lib/highlight/highlight-styles';
import { t } from '../../lib/i18n';

interface Props {
  /** Which label each button gets: creating a highlight, or changing one. */
  purpose: 'highlight' | 'change';
  current?: HighlightColor;
  onPick: (color: HighlightColor) => void;
}

/** The five colour swatches, each a named button (used in the selection toolbar and the highlight popover). */
export function ColorButtons({ purpose, current, onPick }: Props) {
  return (
    <>
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          type="button"
          key={color}
          class="nea-swatch"
          style={{ background: HIGHLIGHT_BACKGROUNDS[color] }}
          aria-label={t(purpose === 'highlight' ? 'highlightColor' : 'changeColor', t(`color_${color}`))}
          title={t(purpose === 'highlight' ? 'highlightColor' : 'changeColor', t(`color_${color}`))}
          aria-pressed={purpose === 'change' ? color === current : undefined}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(color)}
        />
      ))}
    </>
  );
}
