/**
 * Script-insensitive matching: Traditional and Simplified characters, and full-width and ASCII punctuation, folded to
 * one representative each, so a quote stored from a Traditional copy of an article is found on the Simplified page
 * NetEase serves (and the other way round), whatever punctuation style either uses.
 *
 * Folding replaces one UTF-16 unit by one, so offsets into a folded text are offsets into the text itself. The
 * character pairs are the gloss dictionary's folding (`scripts/dictionary/fold-pairs.ts`), cut down to the common
 * characters and packed into `script-fold-pairs.ts` by `scripts/anchoring/generate-script-fold.ts`. The pairs are
 * provided once (`provideFoldPairs`; `with-fold-pairs.ts` does it from the bundled table) so that code which may never
 * need them — the content script at page start — can fetch them when a quote first calls for folding.
 */
import type { TextQuoteSelector } from '../model/annotation';
import { createFoldTable, foldText } from '../gloss/fold';

/**
 * The packing of the pairs: a list of non-negative integers, each written in base FOLD_BASE, most significant digit
 * first, its last digit as `FOLD_LAST_DIGIT + d` and the others as `FOLD_DIGIT + d` (all printable ASCII, none
 * needing an escape in a string literal). The list holds n target deltas, then n zigzag-coded source deltas: pairs
 * sorted by target then source, each value the difference from the previous pair's.
 */
export const FOLD_BASE = 28;
export const FOLD_DIGIT = 0x40;
export const FOLD_LAST_DIGIT = 0x60;

/** Full-width punctuation and its ASCII form, pair by pair (curly quotes fold to straight ones). */
const PUNCTUATION_PAIRS = '，,。.：:；;？?！!（(）)“"”"‘\'’\'';

/** The `(from, to)` pairs of UTF-16 units packed in `packed` (see FOLD_BASE). */
export function unpackFoldPairs(packed: string): Uint16Array {
  const values: number[] = [];
  let value = 0;
  for (let i = 0; i < packed.length; i++) {
    const code = packed.charCodeAt(i);
    if (code >= FOLD_LAST_DIGIT) {
      values.push(value * FOLD_BASE + code - FOLD_LAST_DIGIT);
      value = 0;
    } else {
      value = value * FOLD_BASE + code - FOLD_DIGIT;
    }
  }
  const n = values.length >> 1;
  const pairs = new Uint16Array(2 * n);
  let to = 0;
  let from = 0;
  for (let k = 0; k < n; k++) {
    const zigzag = values[n + k];
    to += values[k];
    from += zigzag & 1 ? -(zigzag + 1) / 2 : zigzag / 2;
    pairs[2 * k] = from;
    pairs[2 * k + 1] = to;
  }
  return pairs;
}

let table: Uint16Array | null = null;
/** The packed character pairs, once provided. */
let packedPairs: string | null = null;

/** Provides the packed Traditional ↔ Simplified pairs (`SCRIPT_FOLD_PAIRS`) that folding uses from now on. */
export function provideFoldPairs(packed: string): void {
  packedPairs = packed;
  table = null;
}

/** Whether the character pairs were provided: folding is possible. */
export const foldPairsReady = (): boolean => packedPairs !== null;

/** The folding table, built on first use (only anchoring that needs folding pays for it). */
function foldTable(): Uint16Array {
  if (!table) {
    const punctuation = Array.from(PUNCTUATION_PAIRS, (c) => c.charCodeAt(0));
    const characters = unpackFoldPairs(packedPairs ?? '');
    const pairs = new Uint16Array(characters.length + punctuation.length);
    pairs.set(characters);
    pairs.set(punctuation, characters.length);
    table = createFoldTable(pairs);
  }
  return table;
}

/** `text` with every character folded to its representative; same length, same offsets. */
export function foldScript(text: string): string {
  return foldText(foldTable(), text);
}

/** The quote selector with quote, prefix and suffix folded; the same object when folding changes none of them. */
export function foldQuote(quote: TextQuoteSelector): TextQuoteSelector {
  const [exact, prefix, suffix] = [quote.exact, quote.prefix, quote.suffix].map(foldScript);
  return exact === quote.exact && prefix === quote.prefix && suffix === quote.suffix
    ? quote
    : { ...quote, exact, prefix, suffix };
}
