import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../../lib/core/gloss/dictionary';
import {
  decodeEntries,
  decodeWordIndex,
  encodeEntries,
  encodeWordIndex,
  FORMAT_VERSION,
} from '../../../lib/core/gloss/dictionary-format';
import { WordIndex } from '../../../lib/core/gloss/word-index';
import { buildDictionary } from '../../../scripts/dictionary/build-dictionary';
import { FIXTURE_CEDICT, fixtureDictionary as dict, fixtureWords as words } from './fixture-dictionary';

const LEVER = { traditional: '槓桿', simplified: '杠杆', pinyin: 'gang4 gan3', senses: ['lever'] };

/** The lengths `forEachPrefix` reports at `at`. */
function prefixLengths(text: string, at = 0): number[] {
  const lengths: number[] = [];
  words.forEachPrefix(text, at, (length) => lengths.push(length));
  return lengths;
}

describe('Dictionary.lookup', () => {
  it('finds an entry by its traditional, its simplified and a mixed spelling', () => {
    expect(dict.lookup('槓桿')).toEqual([LEVER]);
    expect(dict.lookup('杠杆')).toEqual([LEVER]);
    expect(dict.lookup('杠桿')).toEqual([LEVER]); // simplified 杠 + traditional 桿, as in the seed article
  });

  it('puts entries spelled exactly as asked before those that only match after folding', () => {
    // Simplified 干 is 幹 "to do" first (a preferred reading), but traditional 乾 is 乾 "dry".
    expect(dict.lookup('干').map((e) => e.traditional)).toEqual(['幹', '乾', '乹', '亁']);
    expect(dict.lookup('乾').map((e) => e.traditional)).toEqual(['乾', '幹', '乹', '亁']);
    expect(dict.lookup('後').map((e) => e.traditional)).toEqual(['後', '后', '后']);
  });

  it('ranks a spelling found in more headwords first, and proper names after common words', () => {
    // Simplified 后 is 後 "back" (in 以後, 然後, 後來) as well as 后 "empress" and the surname.
    expect(dict.lookup('后').map((e) => `${e.traditional} ${e.pinyin}`)).toEqual(['後 hou4', '后 hou4', '后 Hou4']);
    expect(dict.lookup('马').map((e) => e.pinyin)).toEqual(['ma3', 'Ma3']);
  });

  it('ranks preferred readings of common characters first', () => {
    expect(dict.lookup('了').map((e) => e.pinyin)).toEqual(['le5', 'liao3']);
    expect(dict.lookup('長').map((e) => e.pinyin)).toEqual(['chang2', 'zhang3']);
  });

  it('ranks entries that only point elsewhere last', () => {
    expect(dict.lookup('佛').map((e) => e.pinyin)).toEqual(['Fo2', 'fu2']);
  });

  it('finds headwords outside the Basic Multilingual Plane', () => {
    expect(dict.lookup('𠮶')[0]?.senses).toEqual(['(dialect) that']);
  });

  it('finds nothing for unknown words and for prefixes of headwords', () => {
    expect(dict.lookup('貓')).toEqual([]);
    expect(dict.lookup('一蹴而')).toEqual([]);
    expect(dict.lookup('')).toEqual([]);
  });
});

describe('Dictionary.preferredEntry', () => {
  it('is the first entry lookup gives', () => {
    for (const word of ['后', '後', '了', '杠桿', '佛', '爲']) expect(dict.preferredEntry(word)).toEqual(dict.lookup(word)[0]);
    expect(dict.preferredEntry('貓')).toBeUndefined();
  });
});

describe('WordIndex.forEachPrefix', () => {
  it('reports every headword starting at a position, shortest first', () => {
    expect(prefixLengths('北京人民')).toEqual([2, 3]);
    expect(prefixLengths('北京人民', 3)).toEqual([1]);
    expect(prefixLengths('研究生命')).toEqual([2, 3]);
    expect(prefixLengths('一蹴而就了')).toEqual([2, 4]);
  });

  it('matches across scripts', () => {
    expect(prefixLengths('杠桿很長')).toEqual([2]);
  });

  it('reports nothing where no headword starts', () => {
    expect(prefixLengths('貓很長')).toEqual([]);
    expect(prefixLengths('北')).toEqual([]);
  });

  it('costs common words least (minus their log probability in jieba’s counts) and unseen words most', () => {
    const costs = new Map<string, number>();
    for (const word of ['的', '了', '人', '研究', '一蹴'])
      words.forEachPrefix(word, 0, (length, cost) => length === word.length && costs.set(word, cost));
    expect(costs.get('的')!).toBeLessThanOrEqual(costs.get('人')!); // about as common
    expect(costs.get('人')!).toBeLessThan(costs.get('研究')!);
    expect(costs.get('研究')!).toBeLessThan(costs.get('一蹴')!);
    expect(costs.get('一蹴')).toBeLessThanOrEqual(254);
  });
});

describe('the dictionary assets', () => {
  const assets = buildDictionary(FIXTURE_CEDICT, 'test');

  it('hold every entry and say where the data comes from', () => {
    const entries = FIXTURE_CEDICT.split('\n').filter((l) => l && !l.startsWith('#')).length;
    expect(dict.entryCount).toBe(entries);
    expect(assets.about).toMatchObject({ source: 'CC-CEDICT', date: '2026-09-10T07:14:51Z', licence: 'CC BY-SA 4.0', entries });
  });

  it('survive an encode/decode round trip', () => {
    expect(encodeWordIndex(decodeWordIndex(assets.words.slice().buffer))).toEqual(assets.words);
    expect(encodeEntries(decodeEntries(assets.entries.slice().buffer))).toEqual(assets.entries);
  });

  it('are refused when foreign, swapped, stale or truncated', () => {
    const index = WordIndex.fromBuffer(assets.words.slice().buffer);
    expect(() => WordIndex.fromBuffer(new Uint8Array(64).buffer)).toThrow(/not a dictionary word index asset/);
    expect(() => WordIndex.fromBuffer(assets.entries.slice().buffer)).toThrow(/not a dictionary word index asset/);
    expect(() => Dictionary.fromBuffers(index, assets.words.slice().buffer)).toThrow(/not a dictionary entries asset/);
    const stale = assets.words.slice();
    new Uint32Array(stale.buffer)[1] = FORMAT_VERSION + 1;
    expect(() => WordIndex.fromBuffer(stale.buffer)).toThrow(/format/);
    expect(() => WordIndex.fromBuffer(assets.words.slice(0, assets.words.length - 100).buffer)).toThrow(/truncated/);
    expect(() => Dictionary.fromBuffers(index, assets.entries.slice(0, 40).buffer)).toThrow(/truncated/);
    expect(() => WordIndex.fromBuffer(new ArrayBuffer(8))).toThrow(/truncated/);
  });

  it('refuse entries built for another word index', () => {
    const other = buildDictionary(`${FIXTURE_CEDICT}貓 猫 [mao1] /cat/\n`, 'test');
    expect(() => Dictionary.fromBuffers(words, other.entries.slice().buffer)).toThrow(/do not match/);
  });
});
