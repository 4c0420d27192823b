import { describe, expect, it } from 'vitest';
import { segment, type Token, type WordSource } from '../../../lib/gloss/segment';
import { fixtureWords as dict } from './fixture-dictionary';

const words = (text: string): string[] => segment(text, dict).map((t) => t.text);

/** A stand-in dictionary knowing exactly `scores`' words, with those scores. */
function wordSource(scores: Record<string, number>): WordSource {
  return {
    forEachPrefix(text, at, visit) {
      for (let end = at + 1; end <= text.length; end++) {
        const score = scores[text.slice(at, end)];
        if (score !== undefined) visit(end - at, score);
      }
    },
    keyOf: (word) => (word in scores ? 0 : -1),
  };
}

/** The words of 甲乙丙丁-style text under a stand-in dictionary. */
const cut = (text: string, scores: Record<string, number>): string[] =>
  segment(text, wordSource(scores)).map((t) => t.text);

describe('segment: the order of preferences, each deciding where the earlier ones tie', () => {
  it('1. fewest pieces, however common the shorter words', () => {
    expect(cut('甲乙', { 甲乙: 0, 甲: 255, 乙: 255 })).toEqual(['甲乙']);
  });

  it('2. fewest unknown characters', () => {
    // 甲乙|丙 and 甲|乙丙 are both two pieces; 甲 alone is unknown.
    expect(cut('甲乙丙', { 甲乙: 0, 乙丙: 255, 丙: 255 })).toEqual(['甲乙', '丙']);
  });

  it('3. the most even lengths', () => {
    // 甲乙|丙丁 (2 + 2) over 甲|乙丙丁 (1 + 3), although the latter scores higher.
    expect(cut('甲乙丙丁', { 甲: 255, 乙丙丁: 255, 甲乙: 0, 丙丁: 0 })).toEqual(['甲乙', '丙丁']);
  });

  it('4. the highest total score', () => {
    const words = { 甲乙: 10, 丙: 0, 甲: 0, 乙丙: 0 };
    expect(cut('甲乙丙', words)).toEqual(['甲乙', '丙']);
    expect(cut('甲乙丙', { ...words, 乙丙: 20 })).toEqual(['甲', '乙丙']);
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

  it('prefers fewer words', () => {
    expect(words('研究生')).toEqual(['研究生']);
    expect(words('一蹴而就')).toEqual(['一蹴而就']);
    expect(words('北京人')).toEqual(['北京人']);
  });

  it('breaks the remaining ties by how common the words are: a particle stands alone', () => {
    // 了|解釋 and 了解|釋 have the same number and lengths of words, and 了解 is in more headwords than 解釋.
    expect(words('做完了解釋')).toEqual(['做完', '了', '解釋']);
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
