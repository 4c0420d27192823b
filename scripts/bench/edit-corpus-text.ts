/**
 * An edited article assembled from pieces of the original and new text, keeping track of where every original
 * character went, so the true place of each stored highlight in the edited text is known — or that it is gone.
 */
import type { Span } from './judge';

/**
 * One piece of an edited text, in order: original characters [from, to) — rewritten character for character as `as`
 * when given (same length: the same words in another script or punctuation style) — or new text.
 */
export type Segment = { from: number; to: number; as?: string } | { insert: string };

/** An edited text and the provenance of its characters. */
export interface EditedArticle {
  text: string;
  /** `newIndex[i]`: where original character i stands in the edited text; −1 when it was cut. */
  newIndex: Int32Array;
  /** `originalBefore[k]`: how many characters of the edited text before offset k came from the original. */
  originalBefore: Int32Array;
}

/**
 * Where a highlight's words are in the edited text: usually one span; none when its words are gone; more when a move
 * split it into two halves, or its deleted passage is repeated elsewhere (see `trueSpans`), any of which is its words.
 */
export type Truth = readonly Span[];

/** The edited text made of `segments` over `original`. */
export function assemble(original: string, segments: readonly Segment[]): EditedArticle {
  const newIndex = new Int32Array(original.length).fill(-1);
  const parts: string[] = [];
  const fromOriginal: boolean[] = [];
  let length = 0;
  for (const segment of segments) {
    if ('insert' in segment) {
      parts.push(segment.insert);
      for (let k = 0; k < segment.insert.length; k++) fromOriginal.push(false);
      length += segment.insert.length;
      continue;
    }
    const { from, to, as } = segment;
    if (as !== undefined && as.length !== to - from) throw new Error('a rewrite must keep the length');
    parts.push(as ?? original.slice(from, to));
    for (let i = from; i < to; i++) {
      newIndex[i] = length++;
      fromOriginal.push(true);
    }
  }
  const originalBefore = new Int32Array(length + 1);
  for (let k = 0; k < length; k++) originalBefore[k + 1] = originalBefore[k] + Number(fromOriginal[k]);
  return { text: parts.join(''), newIndex, originalBefore };
}

/**
 * Where the highlight on original [start, end) of `original` is in the edited text. Its surviving characters fall into
 * pieces: runs that stand together in the edited text, in their order, with nothing of the original between them (new
 * words may be). Each piece is stretched over any characters beside it that equal the highlight's own next ones (a
 * paragraph moved next to it that begins with the same speaker's name: the same words in the same order). A piece
 * holding at least half of the highlight's characters is where its words are (from its first character to its last,
 * words inserted inside included). When no piece does, more than half of it was cut or moved away, and its words are
 * gone (no span) — unless the article repeats them: where they stand exactly, next to at least COPY_NEIGHBOURS of the
 * characters that stood next to them (a pull quote or a list restating the deleted sentence), its words still exist.
 */
export function trueSpans(original: string, edited: EditedArticle, start: number, end: number): Truth {
  const { newIndex, originalBefore, text } = edited;
  /** Pieces: original characters [from, to] standing at edited [at, upTo], `count` of them. */
  const pieces: { from: number; to: number; at: number; upTo: number; count: number }[] = [];
  for (let i = start; i < end; i++) {
    const at = newIndex[i];
    if (at < 0) continue;
    const last = pieces[pieces.length - 1];
    if (last && at > last.upTo && originalBefore[at] === originalBefore[last.upTo + 1]) {
      Object.assign(last, { to: i, upTo: at, count: last.count + 1 });
    } else {
      pieces.push({ from: i, to: i, at, upTo: at, count: 1 });
    }
  }
  const spans: Span[] = [];
  for (const { from, to, at, upTo, count } of pieces) {
    let before = 0;
    while (from - before > start && text[at - before - 1] === original[from - before - 1]) before++;
    let after = 0;
    while (to + after + 1 < end && text[upTo + after + 1] === original[to + after + 1]) after++;
    if (2 * (count + before + after) >= end - start) spans.push({ start: at - before, end: upTo + 1 + after });
  }
  return spans.length > 0 ? spans : verbatimCopies(original, edited.text, start, end);
}

/** Characters beside a repeated passage that must be the same as beside the highlight for it to be its words. */
export const COPY_NEIGHBOURS = 8;

/** Spans of `text` holding original [start, end) exactly, with COPY_NEIGHBOURS of its original neighbours on a side. */
function verbatimCopies(original: string, text: string, start: number, end: number): Span[] {
  const words = original.slice(start, end);
  const before = original.slice(Math.max(0, start - COPY_NEIGHBOURS), start);
  const after = original.slice(end, end + COPY_NEIGHBOURS);
  const copies: Span[] = [];
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    const end = at + words.length;
    const neighbours =
      (before.length === COPY_NEIGHBOURS && text.endsWith(before, at)) ||
      (after.length === COPY_NEIGHBOURS && text.startsWith(after, end));
    if (neighbours) copies.push({ start: at, end });
  }
  return copies;
}
