import { describe, expect, it } from 'vitest';
import { isProperName, toMarkedPinyin } from '../../../lib/core/gloss/pinyin';

describe('toMarkedPinyin', () => {
  it.each([
    ['hao3', 'hǎo'], // a takes the mark
    ['xue2', 'xué'], // e takes the mark
    ['zhou1', 'zhōu'], // o of ou
    ['gui4', 'guì'], // otherwise the last vowel
    ['liu2', 'liú'],
    ['lu:4', 'lǜ'], // CC-CEDICT u: is ü
    ['lu:e4', 'lüè'],
    ['de5', 'de'], // neutral tone: no mark
    ['m2', 'ḿ'], // syllabic m
    ['ng4', 'ǹg'],
  ])('marks %s as %s', (numbered, marked) => {
    expect(toMarkedPinyin(numbered)).toBe(marked);
  });

  it('runs the syllables of a word together, with an apostrophe before a, e or o', () => {
    expect(toMarkedPinyin('yan2 jiu1 sheng1')).toBe('yánjiūshēng');
    expect(toMarkedPinyin('Xi1 an1')).toBe("Xī'ān");
    expect(toMarkedPinyin('nu:3 er2')).toBe("nǚ'ér");
    expect(toMarkedPinyin('E4 guo2')).toBe('Èguó');
  });

  it('joins erhua r5 to its syllable', () => {
    expect(toMarkedPinyin('wan2 r5')).toBe('wánr');
    expect(toMarkedPinyin('yi1 dian3 r5')).toBe('yīdiǎnr');
  });

  it('keeps letters, digits and separators that are not syllables', () => {
    expect(toMarkedPinyin('san1 D da3 yin4')).toBe('sān D dǎyìn');
    expect(toMarkedPinyin('11 Qu1')).toBe('11 Qū');
    expect(toMarkedPinyin('Ai1 fei1 er3 · Tie3 ta3')).toBe("Āifēi'ěr · Tiětǎ");
  });
});

describe('isProperName', () => {
  it('is true when a syllable is capitalised', () => {
    expect(isProperName('Ma3 si1 ke4')).toBe(true);
    expect(isProperName('Bei3 jing1 ren2')).toBe(true);
    expect(isProperName('11 Qu1')).toBe(true);
  });

  it('is false for common words and for capital letters that are not syllables', () => {
    expect(isProperName('ma3')).toBe(false);
    expect(isProperName('A quan1 r5')).toBe(false);
  });
});
