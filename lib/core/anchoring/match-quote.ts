/**
 * Finding the places in an article where a stored quote may be now: its exact occurrences, and approximate places
 * located by k-gram seeds and then aligned character by character. These only propose candidates;
 * `placement.ts` decides which, if any, is believable.
 *
 * Approximate search never runs a dynamic program over the whole article: the quote's and its context's k-grams that
 * survived an edit vote for where the quote starts (each seed's text position minus its offset in prefix+quote+suffix),
 * the votes are grouped into clusters, and only a window around each of the few best clusters is aligned.
 */
import type { TextQuoteSelector } from '../model/annotation';
import { placeInWindow } from './boundaries';
import { closestMatch } from './edit-distance';
import { KGRAM_LENGTH, kgramBucket, type KGramIndex } from './kgram-index';
import { maxQuoteEdits, type Candidate } from './placement';

/** A k-gram found at more places than this says little about where the quote is; it casts no votes. */
const MAX_SEED_OCCURRENCES = 8;

/** Every SEED_STRIDE-th k-gram of the needle votes: overlapping k-grams share characters, so half carry nearly all. */
const SEED_STRIDE = 2;

/** Characters of drift between seeds of one placement allowed beyond the quote's own edit budget (context edits). */
const SEED_DRIFT = 8;

/** At most this many vote clusters are aligned per quote. */
const MAX_CLUSTERS = 3;

/** A cluster needs this many votes, and this share of the best cluster's votes, to be worth aligning. */
const MIN_CLUSTER_VOTES = 2;
const MIN_CLUSTER_SHARE = 0.25;

/** Vote-counting scratch reused across quotes (grown on demand, cleared after use): per bin, votes and their sum. */
let binVotes = new Int32Array(1024);
let binSums = new Float64Array(1024);
/** The bins that received votes for the current quote. */
let touchedBins = new Int32Array(256);

/** Start offsets of every exact occurrence of `exact` in `text`, found through its rarest k-gram. */
export function exactOccurrences(text: string, grams: KGramIndex, exact: string): number[] {
  const found: number[] = [];
  if (exact.length < KGRAM_LENGTH) {
    for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
    return found;
  }
  const { bucketStarts, positions, mask } = grams;
  let rarest = 0;
  let rarestBucket = kgramBucket(exact, 0, mask);
  for (let j = 1; j + KGRAM_LENGTH <= exact.length; j++) {
    const b = kgramBucket(exact, j, mask);
    if (bucketStarts[b + 1] - bucketStarts[b] < bucketStarts[rarestBucket + 1] - bucketStarts[rarestBucket]) {
      rarest = j;
      rarestBucket = b;
    }
  }
  for (let i = bucketStarts[rarestBucket]; i < bucketStarts[rarestBucket + 1]; i++) {
    const start = positions[i] - rarest;
    if (start >= 0 && text.startsWith(exact, start)) found.push(start);
  }
  return found;
}

/**
 * Estimated quote starts where the k-grams of prefix + quote + suffix (the needle) point, best-supported first, at
 * most MAX_CLUSTERS. Each text occurrence of a sampled needle k-gram votes for its text position minus its offset in
 * the needle plus the prefix length. Votes are counted in bins `width` characters wide; a cluster is two neighbouring
 * bins (any stretch of `width` votes falls in one), its estimate is the mean of its votes; ties go to the one nearer
 * `expectedStart`.
 */
function seedClusters(text: string, grams: KGramIndex, quote: TextQuoteSelector, width: number, expectedStart: number): number[] {
  const needle = [quote.prefix, quote.exact, quote.suffix].join(''); // join builds a flat string: fast charCodeAt
  const { bucketStarts, positions, mask } = grams;
  // Votes lie in [-needle.length, text.length + needle.length): bins are counted from -needle.length.
  const origin = needle.length;
  const bins = Math.ceil((text.length + 2 * origin) / width) + 2;
  if (binVotes.length < bins) {
    binVotes = new Int32Array(bins * 2);
    binSums = new Float64Array(bins * 2);
  }
  const counts = binVotes;
  const sums = binSums;
  let touched = 0;
  for (let j = 0; j + KGRAM_LENGTH <= needle.length; j += SEED_STRIDE) {
    const bucket = kgramBucket(needle, j, mask);
    const from = bucketStarts[bucket];
    const to = bucketStarts[bucket + 1];
    if (to - from > MAX_SEED_OCCURRENCES) continue;
    const shift = quote.prefix.length - j;
    for (let i = from; i < to; i++) {
      const vote = positions[i] + shift;
      const bin = ((vote + origin) / width) | 0;
      if (counts[bin]++ === 0) {
        if (touched === touchedBins.length) {
          const larger = new Int32Array(touched * 2);
          larger.set(touchedBins);
          touchedBins = larger;
        }
        touchedBins[touched++] = bin;
      }
      sums[bin] += vote;
    }
  }
  const estimates: number[] = [];
  let leading = 0;
  while (estimates.length < MAX_CLUSTERS) {
    let best = -1;
    let bestCount = 0;
    let bestEstimate = 0;
    for (let t = 0; t < touched; t++) {
      const bin = touchedBins[t];
      const count = counts[bin] + counts[bin + 1];
      if (count === 0 || count < bestCount) continue;
      const estimate = Math.round((sums[bin] + sums[bin + 1]) / count);
      if (count === bestCount && Math.abs(estimate - expectedStart) >= Math.abs(bestEstimate - expectedStart)) continue;
      best = bin;
      bestCount = count;
      bestEstimate = estimate;
    }
    leading ||= bestCount;
    if (bestCount < MIN_CLUSTER_VOTES || bestCount < leading * MIN_CLUSTER_SHARE) break;
    estimates.push(bestEstimate);
    counts[best] = counts[best + 1] = 0;
    sums[best] = sums[best + 1] = 0;
  }
  for (let t = 0; t < touched; t++) {
    counts[touchedBins[t]] = 0;
    sums[touchedBins[t]] = 0;
  }
  return estimates;
}

/** Adds a candidate unless one with the same span is already there (two clusters can lead to one place). */
function addCandidate(candidates: Candidate[], candidate: Candidate): void {
  if (!candidates.some((c) => c.start === candidate.start && c.end === candidate.end)) candidates.push(candidate);
}

/**
 * Approximate places for the quote: for each of the best-supported seed clusters, and for the stored position when
 * there is one and no cluster is near it (`expectedStart`, null when none: a short quote without context casts too few
 * votes to be found by them), the lowest-edit alignment of the quote inside a window around that estimate, its boundaries then settled
 * together with the stored context (`placeInWindow`). Whether a place is believable is for `placement.ts`: one far
 * over the edit budget is still proposed, as it may show that the context locates the annotation there while its
 * words changed.
 */
export function approximateCandidates(
  text: string,
  grams: KGramIndex,
  quote: TextQuoteSelector,
  expectedStart: number | null,
): Candidate[] {
  const { exact } = quote;
  const length = exact.length;
  const drift = maxQuoteEdits(length) + SEED_DRIFT;
  const candidates: Candidate[] = [];
  const estimates = seedClusters(text, grams, quote, drift, expectedStart ?? 0);
  const nearExpected = (e: number): boolean => Math.abs(e - expectedStart!) <= drift;
  if (expectedStart !== null && expectedStart < text.length && !estimates.some(nearExpected)) {
    estimates.push(expectedStart);
  }
  for (const estimate of estimates) {
    const from = Math.max(0, estimate - drift);
    const to = Math.min(text.length, estimate + length + drift);
    if (to <= from) continue;
    // Where the lowest-edit match starts (read backwards through the window); the rest is `placeInWindow`'s.
    const start = closestMatch(exact, text, from, to, from, -1).boundary;
    addCandidate(candidates, placeInWindow(text, quote, from, start, to));
  }
  return candidates;
}
