/**
 * A UUID derived from a string, the same every time: an annotation imported from a tool whose ids are not UUIDs
 * (Hypothesis) gets the same id on every import of it, so importing the same file again adds nothing twice.
 */

/** 32-bit FNV-1a of `text` (UTF-16 units), started from `seed`. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Four seeds: four independent 32-bit hashes make the 128 bits of the UUID. */
const SEEDS = [0x811c9dc5, 0x01234567, 0x89abcdef, 0xdeadbeef];

/**
 * The UUID of `name` (e.g. `hypothesis:<annotation id>`): 128 hash bits shaped as an RFC 9562 version 8 UUID (the
 * version for custom derivations), variant bits 10.
 */
export function stableUuid(name: string): string {
  const hex = SEEDS.map((seed) => fnv1a(name, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
