import { beforeEach, describe, expect, it } from 'vitest';
import { applyGlossStyles, glossStylesheet } from '../../../lib/content/gloss/gloss-styles';

const styleElements = () => document.querySelectorAll('#nea-gloss-styles');

describe('gloss styles', () => {
  beforeEach(() => applyGlossStyles(document, null));

  it('shows pinyin above and English below by default, and hides each line the reader switched off', () => {
    const both = glossStylesheet({ pinyin: true, english: true });
    expect(both).toMatch(/gloss-word\[data-en\] \{ display: ruby; ruby-position: under;/);
    expect(both).toMatch(/gloss-base\[data-py\] \{ display: ruby; ruby-position: over;/);
    expect(both).toContain('gloss-base[data-py]::after { content: attr(data-py); content: attr(data-py) / "";');
    expect(both).toContain('gloss-word[data-en]::after { content: attr(data-en); content: attr(data-en) / "";');
    expect(both).not.toContain('content: none');
    const noPinyin = glossStylesheet({ pinyin: false, english: true });
    expect(noPinyin).toContain('gloss-base[data-py]::after { content: none; }');
    expect(noPinyin).not.toContain('gloss-word[data-en]::after { content: none; }');
    expect(glossStylesheet({ pinyin: true, english: false })).toContain('gloss-word[data-en]::after { content: none; }');
    // One line of gloss needs less room between lines than two.
    expect(both).toContain('line-height: 3.4;');
    expect(noPinyin).toContain('line-height: 2.9;');
    expect(glossStylesheet({ pinyin: false, english: false })).toContain('line-height: inherit;');
  });

  it('keeps one style element in the page, updated in place, and removes it when the gloss is off', () => {
    applyGlossStyles(document, { pinyin: true, english: true });
    applyGlossStyles(document, { pinyin: false, english: true });
    expect(styleElements()).toHaveLength(1);
    expect(styleElements()[0].textContent).toBe(glossStylesheet({ pinyin: false, english: true }));
    applyGlossStyles(document, null);
    expect(styleElements()).toHaveLength(0);
  });
});
