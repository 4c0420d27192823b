/** Names and quoted terms an article introduces: found, kept whole by the segmenter, glossed as a reader needs. */
import { describe, expect, it } from 'vitest';
import { glossTexts } from '../../../lib/core/gloss/gloss-text';
import { IntroducedTerms } from '../../../lib/core/gloss/introduced-terms';
import { segment } from '../../../lib/core/gloss/segment';
import { fixtureWords } from './fixture-dictionary';

const words = (text: string, terms?: IntroducedTerms) => segment(text, fixtureWords, terms).map((t) => t.text);

describe('IntroducedTerms.find', () => {
  it('finds a nickname given in brackets after a Latin name, without the particle after it', () => {
    const terms = IntroducedTerms.find(['名叫Sulaiman Ghori(下面就叫他阿蘇吧),這兩天'], fixtureWords);
    expect(terms.kindOf('阿蘇')).toBe('name');
    expect(terms.size).toBe(1);
  });

  it('reads the nickname through stray pinyin and full-width brackets', () => {
    expect(IntroducedTerms.find(['Greg（以下簡(jiǎn)稱阿蘇）'], fixtureWords).kindOf('阿蘇')).toBe('name');
  });

  it('finds a short term in quotes unless it is one dictionary word already', () => {
    const terms = IntroducedTerms.find(['我們做“巨硬”模型,講“研究”', '「巨硬」'], fixtureWords);
    expect(terms.kindOf('巨硬')).toBe('quoted');
    expect(terms.kindOf('研究')).toBeUndefined();
  });

  it('finds nothing in text that introduces nothing, and adds to what earlier passages found', () => {
    const none = IntroducedTerms.find(['研究生命', '他(研究)', '“一二三四五六”'], fixtureWords);
    expect(none.size).toBe(0);
    const earlier = IntroducedTerms.find(['(叫他阿蘇)'], fixtureWords);
    expect(IntroducedTerms.find(['“巨硬”'], fixtureWords, earlier).size).toBe(2);
  });
});

describe('segmenting with introduced terms', () => {
  const terms = IntroducedTerms.find(['Sulaiman Ghori(下面就叫他阿蘇吧)', '“巨硬”'], fixtureWords);

  it('keeps them whole wherever they occur, and cuts the same text apart without them', () => {
    expect(words('阿蘇研究巨硬', terms)).toEqual(['阿蘇', '研究', '巨硬']);
    expect(words('阿蘇研究巨硬')).toEqual(['阿', '蘇', '研究', '巨', '硬']);
  });

  it('glosses a name as a name with its pinyin, and a quoted term from its words', () => {
    const { tokens } = glossTexts(['Sulaiman Ghori(下面就叫他阿蘇吧)', '阿蘇做“巨硬”'], fixtureWords);
    const second = tokens[1].filter((t) => t.pinyin);
    expect(second).toEqual([
      { text: '阿蘇', start: 0, end: 2, pinyin: 'āsū', gloss: 'name' },
      { text: '巨硬', start: 4, end: 6, pinyin: 'jùyìng', gloss: 'huge hard' },
    ]);
  });
});
