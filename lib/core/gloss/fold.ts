/**
 * Character folding: each character is replaced by one representative of its traditional/simplified family
 * (槓 → 杠, 桿 → 杆), so a headword is found whichever script — or mix of scripts — a page writes it in.
 * The generator derives the pairs from CC-CEDICT and folds headwords with them; the dictionary folds queries with the
 * same table, so both sides always agree.
 */

/** A lookup table over all UTF-16 units: identity except for the `(from, to)` pairs given. */
export function createFoldTable(pairs: Uint16Array): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let u = 0; u < 0x10000; u++) table[u] = u;
  for (let i = 0; i < pairs.length; i += 2) table[pairs[i]] = pairs[i + 1];
  return table;
}

/** `text` with every UTF-16 unit folded (units outside the pairs, including surrogates, are kept). */
export function foldText(table: Uint16Array, text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(table[text.charCodeAt(i)]);
  return out;
}
