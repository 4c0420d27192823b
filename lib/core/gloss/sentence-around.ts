/**
 * The sentence a word stands in, for the word list: what lies between the sentence ends before and after the word in
 * the text around it, trimmed, without the page's own bracketed readings (`應(yīng)`); a sentence longer than the list
 * keeps is cut to a window around the word, marked `…`.
 */
import { withoutStrayPinyin } from './chinese-runs';
import { MAX_WORD_SENTENCE_LENGTH } from '../model/word-list';

/** A character that ends a sentence (or a line: headings and list items have no full stop). */
const SENTENCE_END = /[。！？!?；;\n\r…]/;

/** Closing quotes and brackets that belong to the sentence before them. */
const CLOSERS = /[”’」』）)】"']/;

/** The sentence of `text` around `[start, end)`, at most `max` characters. */
export const sentenceAround = (text: string, start: number, end: number, max = MAX_WORD_SENTENCE_LENGTH): string =>
  withoutStrayPinyin(sentenceWindow(text, start, end, max));

/** The sentence around `[start, end)` with the page's text as it is, cut to `max` characters. */
function sentenceWindow(text: string, start: number, end: number, max: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to])) to++;
  while (to < text.length && SENTENCE_END.test(text[to]) && text[to] !== '\n' && text[to] !== '\r') to++;
  while (to < text.length && CLOSERS.test(text[to])) to++;
  const sentence = text.slice(from, to);
  const lead = sentence.length - sentence.trimStart().length;
  const trimmed = sentence.trim();
  if (trimmed.length <= max) return trimmed;
  // Too long: a window with the word in its middle, each cut end marked.
  const at = start - from - lead;
  const room = max - 2;
  const begin = Math.max(0, Math.min(at - Math.floor((room - (end - start)) / 2), trimmed.length - room));
  const window = trimmed.slice(begin, begin + room);
  return `${begin > 0 ? '…' : ''}${window}${begin + room < trimmed.length ? '…' : ''}`;
}
