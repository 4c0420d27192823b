/**
 * Random character edits to an article, with the map from old offsets to new ones, so the true new place of any
 * stored span is known exactly. Used by the re-anchoring benchmark and reusable by edit corpora.
 */
import type { Prng } from './prng';

/** An edited text and where each old offset went. */
export interface EditedText {
  text: string;
  /**
   * `offsetMap[i]` is the new offset of old boundary `i` (0 ≤ i ≤ old length): the length of the new text produced
   * by old characters `0..i-1`. A character inserted before old character `i` lies after boundary `i`.
   */
  offsetMap: Int32Array;
  /** How many edits were applied. */
  edits: number;
}

/** A span of the old text, moved to the new text through an offset map. */
export function mapSpan(offsetMap: Int32Array, start: number, end: number): { start: number; end: number } {
  return { start: offsetMap[start], end: offsetMap[end] };
}

/** A random printable character: half CJK Unified Ideographs, half printable ASCII (space included). */
export function randomEditChar(prng: Prng): string {
  return prng.next() < 0.5 ? String.fromCharCode(prng.int(0x4e00, 0x9fff)) : String.fromCharCode(prng.int(0x20, 0x7e));
}

type EditKind = 'insert' | 'delete' | 'substitute';
const EDIT_KINDS: readonly EditKind[] = ['insert', 'delete', 'substitute'];

/**
 * Edits `rate` × length characters of `text`, at distinct positions drawn uniformly, each edit an insertion (before
 * the character), a deletion or a substitution with equal probability; inserted and substituted characters come from
 * `randomEditChar` (a substitute always differs from the character it replaces).
 */
export function applyRandomEdits(text: string, rate: number, prng: Prng): EditedText {
  const n = text.length;
  const count = Math.min(n, Math.round(n * rate));
  const positions = Int32Array.from({ length: n }, (_, i) => i);
  const kindAt = new Map<number, EditKind>();
  for (let k = 0; k < count; k++) {
    const j = prng.int(k, n - 1);
    [positions[k], positions[j]] = [positions[j], positions[k]];
    kindAt.set(positions[k], EDIT_KINDS[prng.int(0, 2)]);
  }
  const out: string[] = [];
  const offsetMap = new Int32Array(n + 1);
  let length = 0;
  for (let i = 0; i < n; i++) {
    offsetMap[i] = length;
    const kind = kindAt.get(i);
    if (kind === 'insert') {
      out.push(randomEditChar(prng), text[i]);
      length += 2;
    } else if (kind === 'substitute') {
      let c = randomEditChar(prng);
      while (c === text[i]) c = randomEditChar(prng);
      out.push(c);
      length += 1;
    } else if (kind !== 'delete') {
      out.push(text[i]);
      length += 1;
    }
  }
  offsetMap[n] = length;
  return { text: out.join(''), offsetMap, edits: count };
}
