/** Test helpers: what a glossed word element shows above and below it. */
import { BASE_ELEMENT, ENGLISH_ATTRIBUTE, PINYIN_ATTRIBUTE } from '../../../lib/content/gloss/gloss-layer';

/** The pinyin a word element shows (null when none). */
export const pinyinOf = (word: Element): string | null => word.querySelector(BASE_ELEMENT)!.getAttribute(PINYIN_ATTRIBUTE);

/** The English a word element shows (null when none). */
export const englishOf = (word: Element): string | null => word.getAttribute(ENGLISH_ATTRIBUTE);

/** Whether a word element shows neither line (a known word). */
export const isBare = (word: Element): boolean => pinyinOf(word) === null && englishOf(word) === null;
