/**
 * Colours of the five highlight kinds, and the page stylesheet that gives `::highlight()` its colours.
 * The rules must live in the page document (a shadow root cannot style the page's text).
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from './annotation';

/** Background of each highlight colour on the page, translucent so the text stays readable. */
export const HIGHLIGHT_BACKGROUNDS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 10, 0.45)',
  green: 'rgba(84, 201, 95, 0.38)',
  blue: 'rgba(77, 163, 255, 0.36)',
  pink: 'rgba(255, 110, 170, 0.38)',
  purple: 'rgba(168, 120, 255, 0.38)',
};

/** Name of the CSS highlight registry entry for a colour. */
export const highlightName = (color: HighlightColor): string => `nea-${color}`;

/** Name of the brief flash shown when the reader jumps to a highlight. */
export const FLASH_HIGHLIGHT = 'nea-flash';

const STYLE_ID = 'nea-highlight-styles';

/** Adds the `::highlight()` rules to the page once; returns a function that removes them. */
export function installHighlightStyles(doc: Document): () => void {
  let style = doc.getElementById(STYLE_ID);
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = [
      ...HIGHLIGHT_COLORS.map((c) => `::highlight(${highlightName(c)}) { background-color: ${HIGHLIGHT_BACKGROUNDS[c]}; }`),
      `::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 120, 0, 0.6); text-decoration: underline 2px rgb(230, 90, 0); }`,
    ].join('\n');
    (doc.head ?? doc.documentElement).append(style);
  }
  const installed = style;
  return () => installed.remove();
}
