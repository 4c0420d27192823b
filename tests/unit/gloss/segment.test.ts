import { describe, expect, it } from 'vitest';
import { segment, type Token, type WordSource } from '../../../lib/core/gloss/segment';
import { fixtureWords as dict } from './fixture-dictionary';

const words = (text: string): string[] => segment(text, dict).map((t) => t.text);

/** A stand-in dictionary knowing exactly `costs`' words, with those segmentation costs. */
function wordSource(costs: Record<string, number>): WordSource {
  return {
    forEachPrefix(text, at, visit) {
      for (let end = at + 1; end <= text.length; end++) {
        const cost = costs[text.slice(at, end)];
        if (cost !== undefined) visit(end - at, cost);
      }
    },
    keyOf: (word) => (word in costs ? 0 : -1),
  };
}

/** The words of 甲乙丙丁-style text under a stand-in dictionary. */
const cut = (text: string, costs: Record<string, number>): string[] => segment(text, wordSource(costs)).map((t) => t.text);

describe('segment: the most probable words', () => {
  it('takes the cut with the least total cost, whatever the number or lengths of its words', () => {
    expect(cut('甲乙丙', { 甲乙: 100, 丙: 100, 甲: 40, 乙丙: 40 })).toEqual(['甲', '乙丙']);
    expect(cut('甲乙丙丁', { 甲: 30, 乙丙丁: 60, 甲乙: 80, 丙丁: 80 })).toEqual(['甲', '乙丙丁']);
  });

  it('charges each piece, so a word beats its parts unless they are much more common', () => {
    expect(cut('甲乙', { 甲乙: 200, 甲: 95, 乙: 95 })).toEqual(['甲乙']);
    expect(cut('甲乙', { 甲乙: 200, 甲: 60, 乙: 60 })).toEqual(['甲', '乙']);
  });

  it('takes a known word over an unknown character, however rare the word', () => {
    expect(cut('甲乙', { 甲乙: 254 })).toEqual(['甲乙']);
    expect(cut('甲乙', { 甲: 254, 乙: 254, 甲乙: 254 })).toEqual(['甲乙']);
  });
});

/** Tokens as `text:start-end`, `?` marking those not in the dictionary. */
const spans = (tokens: Token[]): string[] => tokens.map((t) => `${t.text}${t.inDictionary ? '' : '?'}:${t.start}-${t.end}`);

describe('segment: choosing between ways to cut', () => {
  it('prefers even word lengths where longest-first matching goes wrong', () => {
    // Greedy longest match takes 研究生 and 北京人 and strands 命 and 民.
    expect(words('研究生命')).toEqual(['研究', '生命']);
    expect(words('北京人民')).toEqual(['北京', '人民']);
  });

  it('keeps a common word whole rather than cutting it into commoner parts', () => {
    expect(words('研究生')).toEqual(['研究生']);
    expect(words('一蹴而就')).toEqual(['一蹴而就']);
    // jieba counts 北京 and 人 far more often than the phrase 北京人, which it does not list: 北京|人, as it cuts it.
    expect(words('北京人')).toEqual(['北京', '人']);
  });

  it('lets a common particle stand alone where a word would take it in', () => {
    // 了|解釋 and 了解|釋 have the same number and lengths of words; 了 and 解釋 together are the more probable.
    expect(words('做完了解釋')).toEqual(['做完', '了', '解釋']);
  });

  it('reads 和|尚未 where the sentence means "and not yet", not 和尚 "monk"', () => {
    expect(words('結婚的和尚未結婚的')).toEqual(['結婚', '的', '和', '尚未', '結婚', '的']);
  });

  it('prefers known words to unknown characters, which become one-character tokens', () => {
    expect(spans(segment('研究貓', dict))).toEqual(['研究:0-2', '貓?:2-3']);
    expect(spans(segment('研究𠀀生命', dict))).toEqual(['研究:0-2', '𠀀?:2-4', '生命:4-6']);
  });

  it('segments Traditional, Simplified and mixed text alike', () => {
    expect(words('杠桿很長')).toEqual(['杠桿', '很', '長']);
    expect(words('杠杆很长')).toEqual(['杠杆', '很', '长']);
    expect(segment('杠桿很長', dict).every((t) => t.inDictionary)).toBe(true);
  });
});

describe('segment: text that is not Chinese', () => {
  it('keeps non-Chinese runs as tokens outside the dictionary, covering the text in order', () => {
    const text = 'xAI的研究, ok 2026';
    const tokens = segment(text, dict);
    expect(spans(tokens)).toEqual(['xAI?:0-3', '的:3-4', '研究:4-6', ', ok 2026?:6-15']);
    expect(tokens.map((t) => text.slice(t.start, t.end)).join('')).toBe(text);
  });

  it('reads through stray pinyin after a character, counting it into that character’s span', () => {
    const text = '風(fēng)口很(hěn)長';
    expect(spans(segment(text, dict))).toEqual(['風口:0-8', '很:8-14', '長:14-15']);
    expect(words('風（fēng）口')).toEqual(['風口']);
  });

  it('keeps parentheses that are not a tone-marked syllable', () => {
    expect(words('風(ok)口')).toEqual(['風', '(ok)', '口']);
    expect(words('風(feng)口')).toEqual(['風', '(feng)', '口']);
  });

  it('never glosses the `?yàn)` remains of mojibake, which also break words', () => {
    const tokens = segment('研究?yàn)生命', dict);
    expect(spans(tokens)).toEqual(['研究:0-2', '?yàn)?:2-7', '生命:7-9']);
  });

  it('returns nothing for empty text', () => {
    expect(segment('', dict)).toEqual([]);
  });
});
