/**
 * An index of every k-character substring (k-gram) of a text, for finding where a quote and its context may be
 * without scanning the whole text: a quote's k-grams that survive an edit still point at its new place.
 *
 * The k-grams are hashed into buckets (positions grouped by bucket, compressed-row layout); two k-grams sharing a
 * bucket only add a stray candidate, which alignment later rejects.
 */

/** k: short enough that most k-grams survive scattered edits, long enough to be rare in Chinese and English prose. */
export const KGRAM_LENGTH = 4;

/** Text positions of each bucket's k-grams. */
export interface KGramIndex {
  /** Bucket number mask (bucket count − 1, a power of two). */
  readonly mask: number;
  /** Bucket b's positions are `positions[bucketStarts[b] … bucketStarts[b + 1])`, ascending. */
  readonly bucketStarts: Int32Array;
  readonly positions: Int32Array;
}

/** The bucket of the k-gram of `text` starting at `at` (which must leave room for KGRAM_LENGTH characters). */
export function kgramBucket(text: string, at: number, mask: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < KGRAM_LENGTH; i++) h = Math.imul(h ^ text.charCodeAt(at + i), 0x01000193);
  h ^= h >>> 15;
  return h & mask;
}

/** Indexes every k-gram of `text`; two to four buckets per position keep collisions rare. */
export function buildKGramIndex(text: string): KGramIndex {
  const grams = Math.max(0, text.length - KGRAM_LENGTH + 1);
  let buckets = 1024;
  while (buckets < grams * 2 && buckets < 1 << 22) buckets *= 2;
  const mask = buckets - 1;
  const bucketOf = new Int32Array(grams);
  const bucketStarts = new Int32Array(buckets + 1);
  for (let at = 0; at < grams; at++) {
    const b = kgramBucket(text, at, mask);
    bucketOf[at] = b;
    bucketStarts[b + 1]++;
  }
  for (let b = 0; b < buckets; b++) bucketStarts[b + 1] += bucketStarts[b];
  const fill = bucketStarts.slice(0, buckets);
  const positions = new Int32Array(grams);
  for (let at = 0; at < grams; at++) positions[fill[bucketOf[at]]++] = at;
  return { mask, bucketStarts, positions };
}
