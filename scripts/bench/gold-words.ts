/**
 * The gloss gold list (`tests/fixtures/gloss/gold-words.tsv`): words in their sentences with the pinyin and the
 * English a reader needs, and the judge that tells whether what the gloss shows for a word is right. The bench, the
 * unit tests and the browser test all judge with it, so the figures they print mean the same thing.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The gold list's path. */
export const GOLD_WORDS_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/gloss/gold-words.tsv');

/** One word of the gold list. */
export interface GoldWord {
  /** Where the sentence comes from (`seed:12`, `luxun:故乡`, `ud-gsd:test-s2`). */
  source: string;
  word: string;
  /** Accepted readings, tone-marked. */
  pinyin: string[];
  /** Accepted English for the sense the sentence needs. */
  english: string[];
  sentence: string;
}

/** The gold list's rows (`#` lines are its header). */
export function parseGoldWords(text: string): GoldWord[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line, i) => {
      const cells = line.split('\t');
      if (cells.length !== 5) throw new Error(`gold list row ${i + 1} has ${cells.length} columns, not 5`);
      const [source, word, pinyin, english, sentence] = cells;
      return { source, word, pinyin: pinyin.split('|'), english: english.split('|'), sentence };
    });
}

/** The gold list as shipped. */
export function loadGoldWords(): GoldWord[] {
  return parseGoldWords(readFileSync(GOLD_WORDS_PATH, 'utf8'));
}

/** Pinyin compared without case, spaces, apostrophes or hyphens, in one Unicode form. */
const pinyinKey = (pinyin: string): string =>
  pinyin
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s'’·-]/g, '');

/** CC-CEDICT's stand-ins for an object (`to divide sth into`), which a reader reads past. */
const PLACEHOLDERS = new Set(['sth', 'sb', "sb's", "sth's"]);

/** English compared without case, a trailing ellipsis, asides in brackets, stand-ins, or a leading `to`/article. */
function englishWords(english: string): string[] {
  const bare = english
    .toLowerCase()
    .replace(/…$/, '')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[.,;:!?"]/g, ' ')
    .trim();
  const words = bare.split(/\s+/).filter((w) => w && !PLACEHOLDERS.has(w));
  return words.filter((w, i) => i > 0 || !['to', 'a', 'an', 'the'].includes(w));
}

/** Longest gloss, in words, that may hold an accepted one inside it ("to recruit staff" holds "recruit"). */
const MAX_HOLDING_WORDS = 4;

/** Whether `words` holds `part` as a run of whole words. */
function holds(words: string[], part: string[]): boolean {
  if (part.length === 0 || part.length > words.length) return false;
  for (let i = 0; i + part.length <= words.length; i++) {
    if (part.every((w, k) => words[i + k] === w)) return true;
  }
  return false;
}

/**
 * Whether the pinyin shown is one of the gold readings: over the word itself, or, when the segmenter took the word
 * into a longer one (人造衛星 for 衛星), inside the longer word's pinyin.
 */
export function isRightPinyin(gold: GoldWord, shown: string | undefined, inside?: string): boolean {
  if (shown !== undefined) return gold.pinyin.some((p) => pinyinKey(p) === pinyinKey(shown));
  return inside !== undefined && gold.pinyin.some((p) => pinyinKey(inside).includes(pinyinKey(p)));
}

/**
 * Whether the English shown gives the gold sense: it is one of the accepted glosses, or a short gloss (a few words)
 * that holds one whole (`to recruit staff`). A cut-off gloss (`to invite…`) counts as what is left of it. When the
 * word was taken into a longer one, that word's English (`insideGloss`) must hold an accepted gloss: 人造衛星
 * "artificial satellite" gives 衛星 "satellite", 超級計算 "supercomputing" does not give 超級 "super".
 */
export function isAptMeaning(gold: GoldWord, shown: string | undefined, insideGloss?: string): boolean {
  if (shown === undefined) {
    if (insideGloss === undefined) return false;
    const words = englishWords(insideGloss);
    return words.length <= MAX_HOLDING_WORDS && gold.english.some((accepted) => holds(words, englishWords(accepted)));
  }
  const words = englishWords(shown);
  return gold.english.some((accepted) => {
    const part = englishWords(accepted);
    if (part.join(' ') === words.join(' ')) return true;
    return words.length <= MAX_HOLDING_WORDS && holds(words, part);
  });
}

/** What a reader sees over and under one word. */
export interface ShownGloss {
  pinyin?: string;
  gloss?: string;
  /** The pinyin of the longer word the word is part of, when the segmenter took it into one. */
  inside?: string;
  /** The English of that longer word (人造衛星 "artificial satellite" for 衛星). */
  insideGloss?: string;
}

/** A glossed token of a sentence: its text (stray pinyin left out) and what it shows. */
export interface ShownToken extends ShownGloss {
  text: string;
}

/**
 * What the reader sees for the gold word in its sentence: the token that is exactly the word (its first
 * occurrence), or, when the segmentation cut it differently, no English (a word cut in pieces or taken into a longer
 * word does not show its own meaning) and the pinyin of the pieces run together, or of the longer word.
 */
export function shownForGoldWord(gold: GoldWord, tokens: readonly ShownToken[]): ShownGloss {
  const at = tokens
    .map((t) => t.text)
    .join('')
    .indexOf(gold.word);
  if (at < 0) return {};
  const end = at + gold.word.length;
  const covering: ShownToken[] = [];
  let position = 0;
  for (const token of tokens) {
    const next = position + token.text.length;
    if (next > at && position < end) covering.push(token);
    position = next;
  }
  if (covering.length === 1 && covering[0].text === gold.word) return { pinyin: covering[0].pinyin, gloss: covering[0].gloss };
  if (covering.length === 1) {
    return covering[0].pinyin === undefined ? {} : { inside: covering[0].pinyin, insideGloss: covering[0].gloss };
  }
  const exact = covering.map((t) => t.text).join('') === gold.word && covering.every((t) => t.pinyin);
  return exact ? { pinyin: covering.map((t) => t.pinyin).join('') } : {};
}

/** The seed article, whose introduced terms (阿蘇) its gold sentences are glossed with, as on the page. */
export const SEED_ARTICLE_PATH = join(dirname(GOLD_WORDS_PATH), '../netease/seed-article.txt');

/** Whether a gold word's sentence comes from the seed article. */
export const isFromSeed = (gold: GoldWord): boolean => gold.source.startsWith('seed:');

/** The gold list's score: per cent of words with the apt meaning and with the right pinyin, and the misses. */
export interface GoldScore {
  words: number;
  apt_meaning_pct: number;
  right_pinyin_pct: number;
  misses: { source: string; word: string; pinyin?: string; gloss?: string; want: string }[];
}

/** Scores what a reader sees for each gold word (`shown[i]` for `gold[i]`). */
export function scoreGold(gold: readonly GoldWord[], shown: readonly ShownGloss[]): GoldScore {
  let apt = 0;
  let pinyin = 0;
  const misses: GoldScore['misses'] = [];
  gold.forEach((g, i) => {
    const s = shown[i];
    const meaningOk = isAptMeaning(g, s.gloss, s.insideGloss);
    const pinyinOk = isRightPinyin(g, s.pinyin, s.inside);
    apt += Number(meaningOk);
    pinyin += Number(pinyinOk);
    if (!meaningOk || !pinyinOk) {
      misses.push({ source: g.source, word: g.word, pinyin: s.pinyin, gloss: s.gloss, want: `${g.pinyin[0]} ${g.english[0]}` });
    }
  });
  const pct = (n: number) => Number(((100 * n) / gold.length).toFixed(1));
  return { words: gold.length, apt_meaning_pct: pct(apt), right_pinyin_pct: pct(pinyin), misses };
}
