/**
 * Edit distance (Levenshtein: insertions, deletions, substitutions) between a pattern and a stretch of text, computed
 * with Myers' bit-parallel algorithm in Hyyrö's block form: one text character advances 32 pattern rows per machine
 * word, so aligning a quote inside a small window of the article costs ⌈m/32⌉ word steps per window character.
 *
 * Two questions are answered, both over a bounded stretch of text (never the whole article):
 * - `closestMatch`: where in a window a pattern ends (or starts) with the fewest edits, its other end left free;
 * - `anchoredDistance`: how close a pattern is to the text read from a fixed point, forwards or backwards, the far end
 *   left free (used for a quote's start once its end is known, and for prefix/suffix agreement).
 */

const WORD = 32;

/*
 * Scratch buffers shared by all scans (one runs at a time), allocated on first use and grown on demand.
 * `slotOfChar` maps a UTF-16 code unit to its slot (0: not in the pattern); slot s owns the match-mask words
 * `masks[s * blocks …]`, slot 0's being all zeros; `usedCodes` lists the code units given a slot, to reset them.
 */
let slotOfChar: Uint16Array | null = null;
let masks = new Int32Array(64);
let usedCodes = new Int32Array(64);
/** The vertical delta vectors (positive / negative) of the current column, one word per block. */
let positive = new Int32Array(8);
let negative = new Int32Array(8);

/** Reading direction through pattern and text: forwards, or backwards from the anchor. */
export type Direction = 1 | -1;

/** The best column of a scan: how many text characters were read, and the edits at that point. */
interface ScanResult {
  read: number;
  errors: number;
}

/** Fills the match masks of `pattern` read in `direction`, `blocks` words per character; returns the slots used. */
function buildMasks(pattern: string, direction: Direction, blocks: number): number {
  const m = pattern.length;
  const slotOf = (slotOfChar ??= new Uint16Array(0x10000));
  if (usedCodes.length < m) usedCodes = new Int32Array(m * 2);
  let slots = 0;
  for (let b = 0; b < blocks; b++) masks[b] = 0;
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(direction === 1 ? i : m - 1 - i);
    let slot = slotOf[code];
    if (slot === 0) {
      usedCodes[slots++] = code;
      slot = slots;
      slotOf[code] = slot;
      if (masks.length < (slot + 1) * blocks) {
        const larger = new Int32Array((slot + 1) * blocks * 2);
        larger.set(masks);
        masks = larger;
      }
      for (let b = slot * blocks; b < (slot + 1) * blocks; b++) masks[b] = 0;
    }
    masks[slot * blocks + (i >> 5)] |= 1 << (i & 31);
  }
  return slots;
}

/**
 * Scans `count` text characters from `from` in `direction` (backwards reads text[from-1], text[from-2], …) against
 * the pattern read in the same direction, and returns the column with the fewest edits for the whole pattern, ties
 * going to the column closest to `preferRead`, then to the longer read. `anchored`: the pattern starts exactly at
 * `from` (otherwise anywhere). When `profile` is given, `profile[read]` receives the edits at every column.
 */
function scan(
  pattern: string,
  text: string,
  from: number,
  direction: Direction,
  count: number,
  anchored: boolean,
  preferRead: number,
  profile?: Int32Array,
): ScanResult {
  const m = pattern.length;
  if (m === 0) {
    // An empty pattern: anchored, every character read is an insertion; otherwise nothing is needed.
    if (profile) for (let read = 0; read < profile.length; read++) profile[read] = anchored ? read : 0;
    return { read: 0, errors: 0 };
  }
  if (profile) profile[0] = m;
  const blocks = Math.ceil(m / WORD);
  if (positive.length < blocks) {
    positive = new Int32Array(blocks * 2);
    negative = new Int32Array(blocks * 2);
  }
  const slots = buildMasks(pattern, direction, blocks);
  // Locals for the hot loop: reading them is cheaper than reading module bindings.
  const slotOf = slotOfChar!;
  const eqs = masks;
  const pv0 = positive;
  const mv0 = negative;
  for (let b = 0; b < blocks; b++) {
    pv0[b] = -1;
    mv0[b] = 0;
  }
  const lastBit = 1 << ((m - 1) & 31);
  const rowZeroDelta = anchored ? 1 : 0;

  let score = m;
  let bestRead = 0;
  let bestErrors = m;
  let pos = direction === 1 ? from : from - 1;
  for (let read = 1; read <= count; read++, pos += direction) {
    const base = slotOf[text.charCodeAt(pos)] * blocks;
    let carry = rowZeroDelta;
    for (let b = 0; b < blocks; b++) {
      const pv = pv0[b];
      const mv = mv0[b];
      let eq = eqs[base + b];
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const top = b === blocks - 1 ? lastBit : 0x80000000 | 0;
      const out = ph & top ? 1 : mh & top ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      pv0[b] = mh | ~(xv | ph);
      mv0[b] = ph & xv;
      carry = out;
    }
    score += carry;
    if (profile) profile[read] = score;
    const closer = Math.abs(read - preferRead) <= Math.abs(bestRead - preferRead);
    if (score < bestErrors || (score === bestErrors && closer)) {
      bestRead = read;
      bestErrors = score;
    }
  }
  for (let i = 0; i < slots; i++) slotOf[usedCodes[i]] = 0;
  return { read: bestRead, errors: bestErrors };
}

/**
 * The best match of the pattern inside text[from, to), its outer end free: with `direction` 1, where it ends (the
 * match may start anywhere); with −1, where it starts (the pattern is read backwards from `to`). Ties go to the
 * boundary closest to `prefer`. `boundary` is an offset into `text`.
 */
export function closestMatch(
  pattern: string,
  text: string,
  from: number,
  to: number,
  prefer: number,
  direction: Direction,
): { boundary: number; errors: number } {
  const origin = direction === 1 ? from : to;
  const { read, errors } = scan(pattern, text, origin, direction, to - from, false, Math.abs(prefer - origin));
  return { boundary: origin + direction * read, errors };
}

/**
 * The fewest edits turning `pattern` into the text read from `anchor` in `direction` (forwards: text[anchor…];
 * backwards: …text[anchor-1], the pattern's last character against text[anchor-1]), over at most `maxLength`
 * characters, the far end free; `length` is how many text characters that best alignment covers (ties: the longest,
 * so a boundary character that was edited rather than deleted stays covered).
 */
export function anchoredDistance(
  pattern: string,
  text: string,
  anchor: number,
  direction: Direction,
  maxLength: number,
): { errors: number; length: number } {
  if (pattern.length === 0) return { errors: 0, length: 0 };
  const count = Math.min(maxLength, direction === 1 ? text.length - anchor : anchor);
  const { read, errors } = scan(pattern, text, anchor, direction, count, true, count);
  return { errors, length: read };
}

/**
 * The edits of the whole pattern against the text at every distance from `from` in `direction`: `profile[r]`
 * (r = 0…count, cut short at the text's edge) aligns the pattern with text ending r characters from `from`
 * (forwards: before from + r; backwards: from from − r on). `anchored`: its other end is `from` itself; otherwise the
 * other end is free (any point between), so `profile[r]` is the best match ending (backwards: starting) there.
 */
export function editProfile(
  pattern: string,
  text: string,
  from: number,
  direction: Direction,
  count: number,
  anchored: boolean,
): Int32Array {
  const n = Math.max(0, Math.min(count, direction === 1 ? text.length - from : from));
  const profile = new Int32Array(n + 1);
  scan(pattern, text, from, direction, n, anchored, 0, profile);
  return profile;
}
