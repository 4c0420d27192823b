/**
 * Where an approximately placed quote begins and ends, decided together with its stored context.
 *
 * The quote aligned alone cannot tell a rewritten boundary word from a cut or inserted one: deleting the quote's first
 * word costs as many edits as rewriting it into the word before, so the alignment may take neighbouring words in or
 * leave the quote's own out. The stored prefix and suffix settle it: the end is put where the quote (from its start)
 * and the suffix (from that end) together need the fewest edits, then the start where the prefix (up to it) and the
 * quote (up to that end) do. A context counts while a trace of it is there (CONTEXT_TRACE): beyond that it is other
 * text, and how unlike it is says nothing. What is still undecided goes to the shorter span: a quote's end word that
 * was rewritten beyond recognition, or cut, is left out rather than a neighbour's word taken in. And a boundary whose
 * context does not confirm it (its words were cut or moved away with the quote's end) is only trusted as far as the
 * quote matches exactly from the other boundary, unless what lies beyond is still the rest of the quote with words
 * inserted or cut: a few characters that happen to match (a comma, a bracket) do not carry a highlight over other
 * words.
 */
import type { TextQuoteSelector } from '../model/annotation';
import { editProfile, type Direction } from './edit-distance';
import { CONTEXT_CONFIRMATION, maxQuoteEdits, type Candidate } from './placement';

/** A boundary may move inwards this many characters beyond the quote's edits, and outwards beyond its window. */
const BOUNDARY_SLACK = 8;

/** Characters beyond a context's own length searched for where it now begins (or ends): room for inserted words. */
const CONTEXT_SLACK = 8;

/** The most edits a context of `length` characters may have and still reach `similarity` (1 − edits/length). */
const editsWithin = (length: number, similarity: number): number => Math.floor(length * (1 - similarity));

/**
 * The least similarity at which a context still marks where it stands: one edited this much (words inserted, cut,
 * rewritten around the quote) still places a boundary, while text less alike is other text, and how unlike says
 * nothing.
 */
const CONTEXT_TRACE = 0.4;

/** A context's edits as they count towards a boundary: any number beyond what CONTEXT_TRACE allows count alike. */
const contextCost = (edits: number, length: number): number => Math.min(edits, editsWithin(length, CONTEXT_TRACE) + 1);

/**
 * The boundary `far` of the quote's span, read from the boundary `anchor` in `direction` (1: `far` is the end; −1: the
 * start), pulled back to where the quote stops matching the text exactly, unless what lies beyond is still the quote's
 * rest, its characters unchanged and in order: with words inserted among them, or with some cut from between them.
 */
function trimUnconfirmed(text: string, exact: string, anchor: number, far: number, direction: Direction): number {
  const length = exact.length;
  const span = Math.abs(far - anchor);
  const textAt = direction === 1 ? anchor : anchor - 1;
  let run = 0;
  while (run < length && run < span) {
    const quoteAt = direction === 1 ? run : length - 1 - run;
    if (text.charCodeAt(textAt + direction * run) !== exact.charCodeAt(quoteAt)) break;
    run++;
  }
  const from = anchor + direction * run;
  const rest = direction === 1 ? exact.slice(run) : exact.slice(0, length - run);
  const beyond = span - run;
  if (beyond === 0 || rest.length === 0) return from;
  // Only insertions, or only deletions, account for the whole length difference and nothing more.
  const edits = editProfile(rest, text, from, direction, beyond, true)[beyond];
  return edits === Math.abs(rest.length - beyond) ? far : from;
}

/**
 * Characters on each side of a boundary that show it needs no settling: the quote's own last (first) character there,
 * and this many of the stored context's nearest characters beside it, exactly.
 */
const SETTLED_CONTEXT = 4;

/** Whether the quote's span already has its end (`direction` 1) or start (−1) at `boundary`, as the text shows. */
function isSettled(text: string, quote: TextQuoteSelector, boundary: number, direction: Direction): boolean {
  const { exact, prefix, suffix } = quote;
  return direction === 1
    ? text.charCodeAt(boundary - 1) === exact.charCodeAt(exact.length - 1) &&
        text.startsWith(suffix.slice(0, SETTLED_CONTEXT), boundary)
    : text.charCodeAt(boundary) === exact.charCodeAt(0) &&
        text.endsWith(prefix.slice(prefix.length - Math.min(prefix.length, SETTLED_CONTEXT)), boundary);
}

/**
 * One boundary of the quote's span settled with the context on its side: the end (`direction` 1, the quote read from
 * its start `anchor`, `context` its suffix) or the start (−1, read back from its end, `context` its prefix), moved
 * from `boundary` inwards by at most `reach`, outwards as far as `quoteAt` goes: the quote's edits against the text
 * read from `anchor` (`editProfile`). Returns the boundary and the quote's edits between `anchor` and it.
 */
function settle(
  text: string,
  exact: string,
  context: string,
  anchor: number,
  boundary: number,
  direction: Direction,
  reach: number,
  quoteAt: Int32Array,
): { boundary: number; errors: number } {
  // Candidate boundaries run from `inner` (nearest the anchor) to `outer`.
  const inner = direction === 1 ? Math.max(anchor, boundary - reach) : Math.min(anchor, boundary + reach);
  const outer = anchor + direction * (quoteAt.length - 1);
  // The context is read from beyond `outer` back towards the quote, its far end free.
  const contextFrom =
    direction === 1
      ? Math.min(text.length, outer + context.length + CONTEXT_SLACK)
      : Math.max(0, outer - context.length - CONTEXT_SLACK);
  const back = -direction as Direction;
  const contextAt = context ? editProfile(context, text, contextFrom, back, Math.abs(contextFrom - inner), false) : null;
  const contextEdits = (b: number): number => contextAt![Math.abs(contextFrom - b)];
  const cost = (b: number): number =>
    quoteAt[Math.abs(b - anchor)] + (contextAt ? contextCost(contextEdits(b), context.length) : 0);
  let best = inner;
  let bestCost = cost(inner);
  for (let b = inner + direction; direction === 1 ? b <= outer : b >= outer; b += direction) {
    const c = cost(b);
    if (c < bestCost) [best, bestCost] = [b, c];
  }
  const confirmed = contextAt !== null && contextEdits(best) <= editsWithin(context.length, CONTEXT_CONFIRMATION);
  const settled = confirmed ? best : trimUnconfirmed(text, exact, anchor, best, direction);
  return { boundary: settled, errors: quoteAt[Math.abs(settled - anchor)] };
}

/**
 * The quote's place in the window [windowStart, windowEnd) where its best match starts at `start`: its end where the
 * quote read from `start` has the fewest edits within the window (ties: the longest, keeping an edited end
 * character), then both boundaries moved to where quote and context align best together — inwards by at most the
 * edits plus BOUNDARY_SLACK, outwards to the window's edge plus the quote's edit budget — unless the text already
 * shows them in place (`isSettled`); with the quote's edits between them.
 */
export function placeInWindow(
  text: string,
  quote: TextQuoteSelector,
  windowStart: number,
  start: number,
  windowEnd: number,
): Candidate {
  const { exact, prefix, suffix } = quote;
  const beyondWindow = maxQuoteEdits(exact.length) + BOUNDARY_SLACK;
  const span = windowEnd - start;
  const fromStart = editProfile(exact, text, start, 1, span + beyondWindow, true);
  let read = 0;
  for (let r = 1; r <= span; r++) if (fromStart[r] <= fromStart[read]) read = r;
  const end = start + read;
  const errors = fromStart[read];
  if (errors === 0) return { start, end, errors };

  const reach = errors + BOUNDARY_SLACK;
  const last = isSettled(text, quote, end, 1)
    ? { boundary: end, errors }
    : settle(text, exact, suffix, start, end, 1, reach, fromStart);
  if (isSettled(text, quote, start, -1)) return { start, end: last.boundary, errors: last.errors };
  const toEnd = editProfile(exact, text, last.boundary, -1, last.boundary - windowStart + beyondWindow, true);
  const first = settle(text, exact, prefix, last.boundary, start, -1, reach, toEnd);
  return { start: first.boundary, end: last.boundary, errors: first.errors };
}
