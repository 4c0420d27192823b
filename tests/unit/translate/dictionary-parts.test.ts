import { describe, expect, it } from 'vitest';
import { detectScript } from '../../../lib/core/translate/chinese-script';
import { MAX_READINGS, selectionWords } from '../../../lib/core/translate/selection-words';
import { fixtureDictionary, fixtureWords } from '../gloss/fixture-dictionary';

describe('detectScript', () => {
  it.each([
    ['以後很長', 'zh-Hant'],
    ['以后很长', 'zh-Hans'],
    ['研究生命', 'zh-Hans'], // nothing to tell by: Simplified, the more common
    ['長长', 'zh-Hans'], // one each way: a tie is Simplified
    ['後來以後長', 'zh-Hant'],
    ['', 'zh-Hans'],
  ] as const)('%s → %s', (text, script) => {
    expect(detectScript(text, fixtureWords)).toBe(script);
  });
});

describe('selectionWords', () => {
  it('lists each dictionary word once, in reading order, with pinyin and every sense', () => {
    const words = selectionWords('研究生命的生命, Hello!', fixtureDictionary);
    expect(words.map((w) => w.text)).toEqual(['研究', '生命', '的']);
    expect(words[0].entries).toEqual([
      {
        traditional: '研究',
        simplified: '研究',
        pinyin: 'yánjiū',
        properName: false,
        senses: ['research; study', 'CL:項|项[xiàng]'],
      },
    ]);
  });

  it('keeps at most MAX_READINGS readings of a word, best first', () => {
    const [de] = selectionWords('的', fixtureDictionary);
    expect(de.entries.length).toBeLessThanOrEqual(MAX_READINGS);
    expect(de.entries[0].pinyin).toBe('de');
  });

  it('follows references to their meaning', () => {
    const [wei] = selectionWords('爲', fixtureDictionary);
    expect(wei.entries[0].senses[0]).toBe('variant of 為|为[wèi]: because of; for; to');
  });
});
