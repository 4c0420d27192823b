/**
 * Glossing a passage: segment it and give every Chinese word its pinyin and short English gloss. The result is plain
 * data, so the background can compute it and send it to a content script as is.
 */
import { damagedSpans } from './damaged-text';
import { interlinearGloss } from './interlinear-gloss';
import { IntroducedTerms } from './introduced-terms';
import { segment, type Token } from './segment';
import type { GlossLine, WordIndex } from './word-index';

/** A token of the passage (see `Token`) with, for dictionary words, what the interlinear line shows. */
export interface GlossedToken {
  text: string;
  start: number;
  end: number;
  /** Tone-marked pinyin; absent for non-Chinese text and unknown characters. */
  pinyin?: string;
  gloss?: string;
}

/** Text ending in a number, after which a character is read as a measure word (十行, 10 行, 幾行). */
const AFTER_NUMBER_RE = /[0-9０-９〇一二三四五六七八九十百千萬万億亿兩两幾几]\s*$/;

/** What the English line says under a name the article introduced (阿蘇): that it is one. */
export const NAME_GLOSS = 'name';

/**
 * The line of a term the text introduced that no dictionary has: the pinyin of its dictionary words run together,
 * and under it "name", or for a quoted term its words' glosses in a row (“巨硬” → `huge hard`). None when a part of
 * it is no dictionary word.
 */
function termLine(token: Token, words: WordIndex): GlossLine | undefined {
  const parts = segment(token.text, words).map((part) => (part.inDictionary ? words.glossLine(part.text) : undefined));
  if (parts.some((line) => line === undefined)) return undefined;
  const pinyin = parts.map((line) => line!.pinyin).join('');
  return { pinyin, gloss: token.term === 'name' ? NAME_GLOSS : interlinearGloss(parts.map((l) => l!.gloss).join(' ')) };
}

/** The line a token shows, if any. */
function lineOf(token: Token, words: WordIndex): GlossLine | undefined {
  if (token.term === 'name' || (token.term && !token.inDictionary)) return termLine(token, words);
  return token.inDictionary ? words.glossLine(token.text) : undefined;
}

/**
 * The tokens of `text` in order, covering it exactly, dictionary words glossed; `terms` kept whole; words inside
 * text damaged in transmission (`damaged-text.ts`) left bare; a character after a number read as a measure word.
 */
export function glossText(text: string, words: WordIndex, terms?: IntroducedTerms): GlossedToken[] {
  const damaged = damagedSpans(text, words);
  let next = 0;
  const isDamaged = (start: number, end: number): boolean => {
    while (next < damaged.length && damaged[next][1] <= start) next++;
    return next < damaged.length && damaged[next][0] < end;
  };
  let previous = '';
  return segment(text, words, terms).map((token) => {
    const { text: word, start, end } = token;
    const afterNumber = AFTER_NUMBER_RE.test(previous);
    previous = word;
    if (isDamaged(start, end)) return { text: word, start, end };
    const line = (afterNumber && word.length === 1 && words.measureLine(word)) || lineOf(token, words);
    return line ? { text: word, start, end, ...line } : { text: word, start, end };
  });
}

/**
 * Passages glossed together, as one article's: the terms any of them introduces (a nickname, a term in quotes), or
 * that passages of the same article glossed `earlier` introduced, are kept whole in all of them. Returns the terms
 * too, to pass as `earlier` with the article's next passages.
 */
export function glossTexts(
  texts: readonly string[],
  words: WordIndex,
  earlier?: IntroducedTerms,
): { tokens: GlossedToken[][]; terms: IntroducedTerms } {
  const terms = IntroducedTerms.find(texts, words, earlier);
  return { tokens: texts.map((text) => glossText(text, words, terms.size > 0 ? terms : undefined)), terms };
}
