import { describe, expect, it } from 'vitest';
import { anchoredDistance, closestMatch, editProfile } from '../../../lib/core/anchoring/edit-distance';
import { buildKGramIndex } from '../../../lib/core/anchoring/kgram-index';
import { exactOccurrences } from '../../../lib/core/anchoring/match-quote';
import { createPrng, type Prng } from '../../../scripts/bench/prng';

/** Plain dynamic programming: the last row D[m][j] of pattern against text[0..j) (free text start optional). */
function dpLastRow(pattern: string, text: string, freeStart: boolean): number[] {
  let prev = Array.from({ length: text.length + 1 }, (_, j) => (freeStart ? 0 : j));
  for (let i = 1; i <= pattern.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++) {
      const sub = prev[j - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      row.push(Math.min(sub, prev[j] + 1, row[j - 1] + 1));
    }
    prev = row;
  }
  return prev;
}

const reverse = (s: string): string => [...s].reverse().join('');

/** Random text over a small alphabet (so approximate matches abound), BMP code units only. */
function randomText(prng: Prng, length: number, alphabet = 'abc中文d'): string {
  return Array.from({ length }, () => alphabet[prng.int(0, alphabet.length - 1)]).join('');
}

describe('bit-parallel edit distance agrees with plain dynamic programming', () => {
  const prng = createPrng(7);
  // Pattern lengths cover one word, exactly one word, and several words (the block carry paths).
  const lengths = [1, 5, 31, 32, 33, 64, 65, 100];

  it('closestMatch finds the fewest edits over all end (or, backwards, start) positions', () => {
    for (const m of lengths) {
      for (let trial = 0; trial < 15; trial++) {
        const pattern = randomText(prng, m);
        const text = randomText(prng, m + prng.int(0, 40));
        const from = prng.int(0, 5);
        const to = text.length - prng.int(0, 5);
        const window = text.slice(from, to);
        const endRow = dpLastRow(pattern, window, true);
        const forward = closestMatch(pattern, text, from, to, to, 1);
        expect(forward.errors).toBe(Math.min(...endRow));
        expect(endRow[forward.boundary - from]).toBe(forward.errors);
        const startRow = dpLastRow(reverse(pattern), reverse(window), true);
        const backward = closestMatch(pattern, text, from, to, from, -1);
        expect(backward.errors).toBe(Math.min(...startRow));
        expect(startRow[to - backward.boundary]).toBe(backward.errors);
      }
    }
  });

  it('anchoredDistance forwards and backwards matches prefix alignment with a free far end', () => {
    for (const m of lengths) {
      for (let trial = 0; trial < 15; trial++) {
        const pattern = randomText(prng, m);
        const text = randomText(prng, m + prng.int(0, 20));
        const maxLength = prng.int(0, text.length);
        const forward = anchoredDistance(pattern, text, 0, 1, maxLength);
        const forwardRow = dpLastRow(pattern, text.slice(0, maxLength), false);
        expect(forward.errors).toBe(Math.min(...forwardRow));
        expect(forwardRow[forward.length]).toBe(forward.errors);

        const backward = anchoredDistance(pattern, text, text.length, -1, maxLength);
        const backwardRow = dpLastRow(reverse(pattern), reverse(text).slice(0, maxLength), false);
        expect(backward.errors).toBe(Math.min(...backwardRow));
        expect(backwardRow[backward.length]).toBe(backward.errors);
      }
    }
  });

  it('editProfile gives the edits at every distance, anchored or not, forwards and backwards', () => {
    for (const m of lengths) {
      for (let trial = 0; trial < 10; trial++) {
        const pattern = randomText(prng, m);
        const text = randomText(prng, m + prng.int(0, 40));
        const from = prng.int(0, 5);
        const count = text.length - from;
        for (const anchored of [true, false]) {
          const forward = dpLastRow(pattern, text.slice(from), !anchored);
          expect(Array.from(editProfile(pattern, text, from, 1, count, anchored))).toEqual(forward);
          const backward = dpLastRow(reverse(pattern), reverse(text.slice(0, text.length - from)), !anchored);
          expect(Array.from(editProfile(pattern, text, text.length - from, -1, count, anchored))).toEqual(backward);
        }
      }
    }
    // Cut short at the text's edge; an empty pattern costs one insertion per character when anchored.
    expect(editProfile('ab', 'xab', 1, 1, 10, true)).toEqual(Int32Array.from([2, 1, 0]));
    expect(editProfile('', 'xyz', 0, 1, 3, true)).toEqual(Int32Array.from([0, 1, 2, 3]));
    expect(editProfile('', 'xyz', 0, 1, 3, false)).toEqual(Int32Array.from([0, 0, 0, 0]));
  });

  it('prefers the boundary nearest the requested one among equally good ones', () => {
    const text = 'xxabcxxxxabcxx';
    expect(closestMatch('abc', text, 0, text.length, 3, 1)).toEqual({ boundary: 5, errors: 0 });
    expect(closestMatch('abc', text, 0, text.length, 13, 1)).toEqual({ boundary: 12, errors: 0 });
    expect(closestMatch('abc', text, 0, text.length, 0, -1)).toEqual({ boundary: 2, errors: 0 });
    expect(closestMatch('abc', text, 0, text.length, 10, -1)).toEqual({ boundary: 9, errors: 0 });
    // Equally near: the longer read wins (the later end forwards, the earlier start backwards).
    expect(closestMatch('abc', 'abcxabc', 0, 7, 5, 1)).toEqual({ boundary: 7, errors: 0 });
    expect(closestMatch('abc', 'abcxabc', 0, 7, 2, -1)).toEqual({ boundary: 0, errors: 0 });
  });

  it('keeps an edited boundary character in when deleting it would cost the same', () => {
    // "Xbcd" against "…Ybcd": substituting Y or deleting X are both one edit; the longer alignment wins.
    expect(anchoredDistance('Xbcd', 'zzYbcd', 6, -1, 6)).toEqual({ errors: 1, length: 4 });
  });

  it('treats an empty pattern as zero edits', () => {
    expect(anchoredDistance('', 'abc', 1, 1, 3)).toEqual({ errors: 0, length: 0 });
  });
});

describe('exactOccurrences', () => {
  it('finds every occurrence, as indexOf would, for short and long quotes', () => {
    const prng = createPrng(11);
    const text = randomText(prng, 5000, 'ab中');
    const grams = buildKGramIndex(text);
    for (let trial = 0; trial < 60; trial++) {
      const length = prng.int(1, 12);
      const start = prng.int(0, text.length - length);
      const quote = text.slice(start, start + length);
      const expected: number[] = [];
      for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) expected.push(at);
      expect(exactOccurrences(text, grams, quote).sort((a, b) => a - b)).toEqual(expected);
    }
  });
});
