/**
 * Folding text for search, one UTF-16 unit for one, so a match found in folded text is at the same offsets in the
 * original (the library highlights it there). English letters fold to lower case; full-width Latin letters, digits
 * and punctuation (common in Chinese text: ＡＢＣ，１２３) fold to their ASCII forms; the ideographic space to a space.
 */

let table: Uint16Array | null = null;

/** The folding table over all UTF-16 units, built on first use. */
function foldTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    let folded = unit >= 0xff01 && unit <= 0xff5e ? unit - 0xfee0 : unit === 0x3000 ? 0x20 : unit;
    // Surrogate halves are not characters on their own: keep them.
    if (folded < 0xd800 || folded > 0xdfff) {
      const lower = String.fromCharCode(folded).toLowerCase();
      if (lower.length === 1) folded = lower.charCodeAt(0);
    }
    table[unit] = folded;
  }
  return table;
}

/** `text` folded for search; always the same length as `text`. */
export function foldForSearch(text: string): string {
  const fold = foldTable();
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = fold[text.charCodeAt(i)];
  // In chunks: spreading a very long array into one call would overflow the stack.
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}
