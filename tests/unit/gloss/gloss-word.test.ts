import { describe, expect, it } from 'vitest';
import type { DictionaryEntry } from '../../../lib/core/gloss/dictionary';
import { glossText } from '../../../lib/core/gloss/gloss-text';
import { fullGloss, shortGloss } from '../../../lib/core/gloss/gloss-word';
import { interlinearGloss } from '../../../lib/core/gloss/interlinear-gloss';
import { FIXTURE_CEDICT, fixtureDictionary as dict, fixtureWords as words } from './fixture-dictionary';

const preferred = (word: string): DictionaryEntry => {
  const entry = dict.preferredEntry(word);
  if (!entry) throw new Error(`${word} is not in the fixture`);
  return entry;
};
const short = (word: string) => shortGloss(preferred(word), dict);

describe('shortGloss', () => {
  it('gives the common reading of common characters', () => {
    expect(short('了')).toEqual({ pinyin: 'le', gloss: '(completed action marker)' });
    expect(short('的')).toEqual({ pinyin: 'de', gloss: 'of' });
    expect(short('長')).toEqual({ pinyin: 'cháng', gloss: 'long' });
  });

  it('gives common words before proper names', () => {
    expect(short('馬')).toEqual({ pinyin: 'mǎ', gloss: 'horse' });
    expect(short('馬斯克')).toEqual({ pinyin: 'Mǎsīkè', gloss: 'Elon Musk' });
  });

  it('keeps the first meaning up to the first semicolon, without leading labels or classifiers', () => {
    expect(short('行').gloss).toBe('to walk');
    expect(short('口').gloss).toBe('mouth');
    expect(short('研究').gloss).toBe('research');
  });

  it('follows variant and see references to the meaning of their target', () => {
    expect(short('爲')).toEqual({ pinyin: 'wèi', gloss: 'because of' });
    expect(short('一蹴')).toEqual({ pinyin: 'yīcù', gloss: 'to succeed at the first attempt (idiom)' });
    expect(short('乹').gloss).toBe('dry'); // old variant of 亁, itself a variant of 乾
  });

  it('stops following references that go round in a circle', () => {
    expect(short('㐀').gloss).toMatch(/^variant of /);
  });
});

describe('fullGloss', () => {
  it('lists every reading, spelled-as-asked first and proper names last, tone-marked', () => {
    expect(fullGloss('后', dict).map((e) => [e.traditional, e.pinyin, e.properName])).toEqual([
      ['後', 'hòu', false],
      ['后', 'hòu', false],
      ['后', 'Hòu', true],
    ]);
  });

  it('shows references with their target’s meanings and inline pinyin tone-marked', () => {
    expect(fullGloss('爲', dict)[0].senses).toEqual(['variant of 為|为[wèi]: because of; for; to']);
    expect(fullGloss('研究', dict)[0].senses).toEqual(['research; study', 'CL:項|项[xiàng]']);
  });

  it('is empty for unknown words', () => {
    expect(fullGloss('貓', dict)).toEqual([]);
  });
});

describe('glossText', () => {
  it('glosses every dictionary word with its interlinear line and leaves other tokens bare', () => {
    expect(glossText('做完了解釋 ok', words)).toEqual([
      { text: '做完', start: 0, end: 2, pinyin: 'zuòwán', gloss: 'to finish doing' },
      { text: '了', start: 2, end: 3, pinyin: 'le', gloss: 'particle' },
      { text: '解釋', start: 3, end: 5, pinyin: 'jiěshì', gloss: 'explanation' },
      { text: ' ok', start: 5, end: 8 },
    ]);
  });

  it('reads a character after a number as its measure word: 10 行 is ten lines (háng), 行 alone walks (xíng)', () => {
    const line = (text: string) =>
      glossText(text, words)
        .filter((t) => t.pinyin)
        .map(({ text: w, pinyin, gloss }) => `${w} ${pinyin} ${gloss}`);
    expect(line('10 行')).toEqual(['行 háng row']);
    expect(line('行')).toEqual(['行 xíng to walk']);
    expect(line('研究行')).toEqual(['研究 yánjiū research', '行 xíng to walk']);
    expect(line('10 很')).toEqual(['很 hěn very']); // no measure reading: as always
  });

  it('glosses each spelling under a shared key with its own entry, and mixed spellings with the best', () => {
    const line = (word: string) => glossText(word, words).map(({ pinyin, gloss }) => `${pinyin} ${gloss}`);
    expect(line('乾')).toEqual(['gān dry']);
    expect(line('幹')).toEqual(['gàn to do']);
    expect(line('干')).toEqual(['gàn to do']);
    expect(line('後')).toEqual(['hòu back']);
    expect(line('后')).toEqual(['hòu back']);
    expect(line('杠桿')).toEqual(['gànggǎn lever']);
    expect(line('爲')).toEqual(['wèi because of']);
  });

  it('gives every word the line the full dictionary would work out for it (the build-time lines match run time)', () => {
    const headwords = [...FIXTURE_CEDICT.matchAll(/^(\S+) (\S+) \[/gm)].flatMap(([, t, s]) => [t, s]);
    for (const word of [...headwords, '杠桿', '乾干', '後后']) {
      const entry = dict.preferredEntry(word);
      const expected = entry
        ? { pinyin: shortGloss(entry, dict).pinyin, gloss: interlinearGloss(shortGloss(entry, dict).gloss) }
        : undefined;
      expect(words.glossLine(word), word).toEqual(expected);
    }
  });
});

describe('shortGloss: the sense a reader needs', () => {
  const entry = (senses: string[], pinyin = 'x1'): DictionaryEntry => ({ traditional: '詞', simplified: '词', pinyin, senses });
  const gloss = (senses: string[], pos?: string) => shortGloss(entry(senses), dict, { pos }).gloss;

  it('prefers the common short gloss over a literal description (CC-CEDICT’s 瓶頸, 訪談, 招聘)', () => {
    expect(gloss(['neck of a bottle', '(fig.) bottleneck', 'problem that impedes progress'])).toBe('bottleneck');
    expect(gloss(['to visit and discuss', 'to interview'])).toBe('to interview');
    expect(gloss(['to invite applications for a job', 'to recruit'])).toBe('to recruit');
  });

  it('glosses a conjunction as one (接着 "then"), although a verb sense comes first and is shorter', () => {
    const senses = [
      'to catch and hold on',
      'to continue',
      'to go on to do sth',
      'to follow',
      'to carry on',
      'then',
      'after that',
    ];
    expect(gloss(senses, 'c')).toBe('then');
    expect(gloss(senses, 'v')).toBe('to continue');
  });

  it('prefers a noun for a word that is mostly a noun (架構), the first sense otherwise', () => {
    expect(gloss(['to construct; to build', 'structure; framework; architecture'], 'n')).toBe('structure');
    expect(gloss(['to construct; to build', 'structure; framework; architecture'], 'v')).toBe('to construct');
  });

  it('skips references, surnames, abbreviations and register labels while a meaning is left', () => {
    expect(gloss(['surname Ma', 'horse'])).toBe('horse');
    expect(gloss(['abbr. for Soviet Union', 'to revive'])).toBe('to revive');
    expect(gloss(['(literary) to flatter', 'prefix for names'])).toBe('prefix for names');
    expect(gloss(['(courteous) magnanimity', '(attributive) enormous quantity'])).toBe('enormous quantity');
  });

  it('prefers a wording that fits whole under the word', () => {
    expect(gloss(['to pursue sth back to its origins', 'to trace to the source'])).toBe('to trace to the source');
    expect(gloss(['to begin an undertaking; to start an enterprise', 'entrepreneurship'])).toBe('entrepreneurship');
  });
});
