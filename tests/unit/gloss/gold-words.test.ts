/**
 * The gloss gold list and its judge: the list is well formed and holds what it must, and the judge accepts the gloss
 * a reader needs and refuses another sense, a cut-off gloss and a word the segmenter cut in pieces.
 */
import { describe, expect, it } from 'vitest';
import {
  isAptMeaning,
  isRightPinyin,
  loadGoldWords,
  parseGoldWords,
  scoreGold,
  shownForGoldWord,
  type GoldWord,
} from '../../../scripts/bench/gold-words';

const gold = loadGoldWords();
const row = (word: string, english: string, pinyin = 'x'): GoldWord => ({
  source: 'test',
  word,
  pinyin: pinyin.split('|'),
  english: english.split('|'),
  sentence: word,
});

describe('the gold list', () => {
  it('has at least 150 words from the seed and two other texts, each found in its sentence', () => {
    expect(gold.length).toBeGreaterThanOrEqual(150);
    const texts = new Set(gold.map((g) => g.source.split(':')[0]));
    expect([...texts]).toEqual(expect.arrayContaining(['seed', 'luxun', 'ud-gsd']));
    const strayPinyin = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/g;
    for (const g of gold) expect(g.sentence.replace(strayPinyin, '')).toContain(g.word);
  });

  it('holds the issue’s examples and polyphonic characters read in context', () => {
    const words = new Set(gold.map((g) => g.word));
    for (const w of ['訪談', '招聘', '瓶頸', '架構', '收入', '阿蘇', '和', '尚未']) expect(words).toContain(w);
    const readings = (w: string) => new Set(gold.filter((g) => g.word === w).map((g) => g.pinyin[0]));
    expect(readings('行')).toEqual(new Set(['háng', 'xíng']));
    for (const w of ['長', '得', '了', '還', '重要', '重新']) expect(words).toContain(w);
  });

  it('refuses a row without its five columns', () => {
    expect(() => parseGoldWords('seed:1\t訪談\tfǎngtán\tinterview')).toThrow(/5/);
  });
});

describe('the judge', () => {
  const recruit = row('招聘', 'recruit|recruitment|hire', 'zhāopìn');

  it('accepts an accepted gloss with or without “to”, and a short gloss that holds one', () => {
    expect(isAptMeaning(recruit, 'to recruit')).toBe(true);
    expect(isAptMeaning(recruit, 'recruitment')).toBe(true);
    expect(isAptMeaning(recruit, 'to recruit staff')).toBe(true);
    expect(isAptMeaning(row('分為', 'divide into'), 'to divide sth into')).toBe(true);
  });

  it('refuses another sense, a cut-off gloss, a long gloss that mentions it, and nothing', () => {
    expect(isAptMeaning(recruit, 'to invite applications')).toBe(false);
    expect(isAptMeaning(recruit, 'to invite…')).toBe(false);
    expect(isAptMeaning(recruit, 'to seek and then recruit new people')).toBe(false);
    expect(isAptMeaning(recruit, undefined)).toBe(false);
  });

  it('compares pinyin without case, spaces or apostrophes, and knows tones apart', () => {
    expect(isRightPinyin(row('阿蘇', 'name', 'Ā Sū'), 'āsū')).toBe(true);
    expect(isRightPinyin(row('障礙', 'obstacle', "zhàng'ài"), 'zhàngài')).toBe(true);
    expect(isRightPinyin(row('行', 'line', 'háng'), 'xíng')).toBe(false);
    expect(isRightPinyin(row('值得', 'worth', 'zhíde|zhídé'), 'zhídé')).toBe(true);
  });

  it('reads the token that is the word; a word cut in pieces shows its pinyin but no meaning', () => {
    const g = { ...row('尚未', 'not yet', 'shàngwèi'), sentence: '和尚未' };
    const whole = [
      { text: '和', pinyin: 'hé', gloss: 'and' },
      { text: '尚未', pinyin: 'shàngwèi', gloss: 'not yet' },
    ];
    expect(shownForGoldWord(g, whole)).toEqual({ pinyin: 'shàngwèi', gloss: 'not yet' });
    const split = [
      { text: '和尚', pinyin: 'héshang', gloss: 'monk' },
      { text: '未', pinyin: 'wèi', gloss: 'not yet' },
    ];
    expect(shownForGoldWord(g, split)).toEqual({});
    const longer = [{ text: '人造衛星', pinyin: 'rénzàowèixīng', gloss: 'satellite' }];
    const satellite = { ...row('衛星', 'satellite', 'wèixīng'), sentence: '人造衛星' };
    expect(shownForGoldWord(satellite, longer)).toEqual({ inside: 'rénzàowèixīng', insideGloss: 'satellite' });
    expect(isAptMeaning(satellite, undefined, 'artificial satellite')).toBe(true);
    expect(isAptMeaning(row('超級', 'super'), undefined, 'supercomputing')).toBe(false);
    expect(isRightPinyin(satellite, undefined, 'rénzàowèixīng')).toBe(true);
    expect(isRightPinyin(satellite, undefined, 'rénzàowèixìng')).toBe(false);
    const pieces = [
      { text: '尚', pinyin: 'shàng', gloss: 'still' },
      { text: '未', pinyin: 'wèi', gloss: 'not yet' },
    ];
    expect(shownForGoldWord({ ...g, sentence: '尚未' }, pieces)).toEqual({ pinyin: 'shàngwèi' });
  });

  it('scores per cent of words right on each count and lists the misses', () => {
    const score = scoreGold(
      [recruit, recruit],
      [
        { pinyin: 'zhāopìn', gloss: 'to recruit' },
        { pinyin: 'zhāopìn', gloss: 'to invite…' },
      ],
    );
    expect(score).toMatchObject({ words: 2, apt_meaning_pct: 50, right_pinyin_pct: 100 });
    expect(score.misses).toHaveLength(1);
  });
});
