/**
 * The page stylesheet that lays out glossed words (see `gloss-layer.ts`). It must live in the page document: a shadow
 * root cannot style the page's text.
 *
 * A glossed word is double-sided ruby: its base element is ruby with the pinyin as annotation above, inside the word
 * element, ruby with the English as annotation below. Ruby keeps the characters on the line's baseline next to plain
 * text, makes each word as wide as its widest line so neighbours never overlap, keeps the line-breaking rules of the
 * text around it (no line starts with a comma), and adds nothing to copied text. A taller line height on glossed words
 * makes room between lines for the annotations. Known words have no attributes and stay plain inline text.
 */
import type { GlossSettings } from '../../core/model/gloss';
import { BASE_ELEMENT, ENGLISH_ATTRIBUTE, GROUP_ELEMENT, PINYIN_ATTRIBUTE, WORD_ELEMENT } from './gloss-layer';

const STYLE_ID = 'nea-gloss-styles';

/** `content` showing an attribute, with empty alternative text for screen readers where the browser has it. */
const content = (attribute: string) => `content: attr(${attribute}); content: attr(${attribute}) / "";`;

/** The rules for the lines the reader chose to see. */
export function glossStylesheet({ pinyin, english }: Pick<GlossSettings, 'pinyin' | 'english'>): string {
  const word = `${WORD_ELEMENT}[${ENGLISH_ATTRIBUTE}]`;
  const base = `${BASE_ELEMENT}[${PINYIN_ATTRIBUTE}]`;
  // Room for the lines shown (none, one or two): half of the extra height goes above the characters, half below.
  const lineHeight = ['inherit', '2.9', '3.4'][Number(pinyin) + Number(english)];
  const rules = [
    `${GROUP_ELEMENT} { display: contents; }`,
    `${word} { display: ruby; ruby-position: under; ruby-align: center; line-height: ${lineHeight}; }`,
    `${base} { display: ruby; ruby-position: over; ruby-align: center; }`,
    `${word}::after, ${base}::after {
  display: ruby-text; line-height: 1.2; white-space: nowrap; text-indent: 0;
  font-style: normal; font-weight: normal; letter-spacing: normal; text-transform: none; }`,
    // The `/ ""` alternative text keeps screen readers from reading the gloss into the article; a browser without it
    // keeps the plain declaration before.
    `${base}::after { ${content(PINYIN_ATTRIBUTE)} font-size: 0.62em; padding: 0 0.2em; opacity: 0.8; }`,
    `${word}::after { ${content(ENGLISH_ATTRIBUTE)} font-size: 0.56em; padding: 0 0.25em; opacity: 0.65; }`,
  ];
  if (!pinyin) rules.push(`${base}::after { content: none; }`);
  if (!english) rules.push(`${word}::after { content: none; }`);
  return rules.join('\n');
}

/** Puts the gloss rules for `settings` into the page, or takes them out when `settings` is null. */
export function applyGlossStyles(doc: Document, settings: Pick<GlossSettings, 'pinyin' | 'english'> | null): void {
  let style = doc.getElementById(STYLE_ID);
  if (!settings) return style?.remove();
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    (doc.head ?? doc.documentElement).append(style);
  }
  const css = glossStylesheet(settings);
  if (style.textContent !== css) style.textContent = css;
}
