/**
 * UTF-16 surrogate pairs, and offsets counted in Unicode code points (as the W3C `TextPositionSelector` counts them)
 * against the UTF-16 code units JavaScript strings and our stored offsets count. They differ by one for every
 * character outside the Basic Multilingual Plane (CJK Extension B such as 𠀀, most emoji).
 */

/** Whether a UTF-16 code unit is the first half of a surrogate pair. */
export const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/** Whether a UTF-16 code unit is the second half of a surrogate pair. */
export const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether a well-formed surrogate pair starts at `at` in `text`. */
const pairAt = (text: string, at: number): boolean =>
  isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1));

/**
 * How many well-formed surrogate pairs (characters outside the BMP) text[from, to) holds; a lone surrogate counts as
 * none.
 */
export function surrogatePairCount(text: string, from = 0, to = text.length): number {
  let pairs = 0;
  for (let i = from; i < to - 1; i++) {
    if (pairAt(text, i)) {
      pairs++;
      i++;
    }
  }
  return pairs;
}

/**
 * The UTF-16 offset in `text` of code point `codePoint`, or null when the text is shorter than that. A lone surrogate
 * counts as one code point, as the W3C model (and `String.prototype.codePointAt`) count it.
 */
export function codePointToUtf16(text: string, codePoint: number): number | null {
  let at = 0;
  for (let counted = 0; counted < codePoint; counted++) {
    if (at >= text.length) return null;
    at += pairAt(text, at) ? 2 : 1;
  }
  return at;
}
