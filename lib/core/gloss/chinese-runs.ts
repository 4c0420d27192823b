/**
 * Splits page text into stretches of Chinese characters (what the segmenter works on) and everything else (Latin
 * words, digits, punctuation, spaces, and the `?yàn)`-style remains of mojibake), which is never glossed.
 *
 * Some converted pages follow characters with their reading in parentheses — `風(fēng)口`. Such stray pinyin is
 * dropped from the Chinese text, so `風口` is still found as one word, while every character keeps its place in the
 * page: the reading is counted into the span of the character before it.
 *
 * Chinese means the Han code-point ranges written out below rather than `\p{Script=Han}`, whose contents follow each
 * engine's Unicode version: the same text must split the same way in every browser.
 */

/** Chinese text without stray pinyin; unit k came from page text `[starts[k], ends[k])`. */
export interface ChineseRun {
  kind: 'chinese';
  text: string;
  starts: number[];
  ends: number[];
}

/** Page text `[start, end)` that holds no Chinese character. */
export interface OtherRun {
  kind: 'other';
  start: number;
  end: number;
}

/** Han ideographs: 〇, Extension A, the Unified block, Compatibility ideographs, and Extensions B–H. */
function isHan(codePoint: number): boolean {
  return (
    codePoint === 0x3007 ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0x20000 && codePoint <= 0x323af)
  );
}

/** One parenthesised (ASCII or full-width) lower-case syllable with at least one tone mark: `(fēng)`, `（shí）`. */
const STRAY_PINYIN = '[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]';
const STRAY_PINYIN_RE = new RegExp(STRAY_PINYIN, 'y');

/** `text` without the stray pinyin that follows characters (`風(fēng)口` → `風口`), for reading it as words. */
export function withoutStrayPinyin(text: string): string {
  return text.replace(new RegExp(`(?<=[\u3400-\u9fff])${STRAY_PINYIN}`, 'g'), '');
}

/** Page index just past a stray pinyin reading starting at `at`, or `at` when there is none. */
function skipStrayPinyin(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c !== 0x28 && c !== 0xff08) return at;
  STRAY_PINYIN_RE.lastIndex = at;
  return STRAY_PINYIN_RE.test(text) ? STRAY_PINYIN_RE.lastIndex : at;
}

/** The runs of `text` in order; together they cover it exactly. */
export function splitChineseRuns(text: string): (ChineseRun | OtherRun)[] {
  const runs: (ChineseRun | OtherRun)[] = [];
  let chinese: ChineseRun | undefined;
  let otherStart = -1;
  let i = 0;
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    if (!isHan(codePoint)) {
      if (otherStart < 0) otherStart = i;
      chinese = undefined;
      i += width;
      continue;
    }
    if (otherStart >= 0) runs.push({ kind: 'other', start: otherStart, end: i });
    otherStart = -1;
    if (!chinese) runs.push((chinese = { kind: 'chinese', text: '', starts: [], ends: [] }));
    const end = skipStrayPinyin(text, i + width);
    chinese.text += text.slice(i, i + width);
    for (let k = 0; k < width; k++) {
      chinese.starts.push(i + k);
      chinese.ends.push(k === width - 1 ? end : i + k + 1);
    }
    i = end;
  }
  if (otherStart >= 0) runs.push({ kind: 'other', start: otherStart, end: text.length });
  return runs;
}
