/**
 * Finding stored annotations again in an article's current text.
 *
 * One `Anchorer` is built per article text and reused for every annotation on it, so the k-gram index it builds on
 * first need (only when some quote is not at its stored position) is shared by all of them, and so are the folded
 * text and its index (built only when some quote is found not at all, or only approximately, as it stands).
 */
import type { AnnotationTarget, TextQuoteSelector } from '../model/annotation';
import { buildKGramIndex, type KGramIndex } from './kgram-index';
import { approximateCandidates, exactOccurrences } from './match-quote';
import { choosePlacement, scoreCandidate, type ScoredCandidate } from './placement';
import { foldPairsReady, foldQuote, foldScript } from './script-fold';
import { codePointToUtf16 } from './surrogates';

/**
 * Which step found the annotation: its stored position, an exact occurrence of its quote, approximate matching, or
 * (`folded`) any of these once Traditional and Simplified characters and full-width and ASCII punctuation were folded
 * together (see `script-fold.ts`).
 */
export type AnchorStrategy = 'position' | 'quote' | 'fuzzy' | 'folded';

/** Where an annotation is in the text now: [start, end) in UTF-16 offsets (start = end: a caret, for an empty quote). */
export interface Placement {
  start: number;
  end: number;
  strategy: AnchorStrategy;
}

/** Re-finds annotations in one article text. */
export interface Anchorer {
  readonly text: string;
  /**
   * Where the target's quote is now, or null (an orphan) when no believable place exists or two places are equally
   * likely (and always for a page note, which has no place: see `MissingSelector`). A target with a position only is
   * placed there; an empty quote is a caret between its context. Tries, in order: the stored position (taken when the quote is there and its context confirmed), the
   * exact quote (every occurrence, chosen by context and closeness to the stored position; taken at once when its
   * context is confirmed), then approximate matching, whose places compete on score with the exact occurrences. When
   * these find the quote not at all, or only approximately without its context confirming both sides, its words may
   * stand unchanged in another script or punctuation style (a highlight made on a Traditional copy, the page
   * Simplified): text and quote are folded to one and searched again — for the exact steps only when an approximate
   * place was found, for all of them otherwise.
   */
  anchor(target: AnnotationTarget): Placement | null;
  /** Whether a target called for script folding while its pairs were not provided (`provideFoldPairs`): try again then. */
  readonly wantedFold: boolean;
}

/** A placement, and whether the context confirmed it on both sides. */
interface Found extends Placement {
  contextConfirms: boolean;
}

/**
 * Searches one text (the article's, or its folded form) for a quote expected at `expected` (null: the target has no
 * position); `exactOnly`: without approximate matching.
 */
type Find = (quote: TextQuoteSelector, expected: number | null, exactOnly?: boolean) => Found | null;

/** The chosen candidate, if any, labelled with the step that found it. */
const found = (c: ScoredCandidate | null, strategy: AnchorStrategy): Found | null =>
  c && { start: c.start, end: c.end, strategy, contextConfirms: c.contextConfirms };

/** The position, quote and approximate steps over `text`, its k-gram index built on first need. */
function createFind(text: string): Find {
  let grams: KGramIndex | null = null;
  const kgrams = (): KGramIndex => (grams ??= buildKGramIndex(text));

  return (quote, expected, exactOnly = false) => {
    const { exact } = quote;
    const length = exact.length;

    // The exact quote with its context confirmed on both sides settles it: first at the stored position, then anywhere.
    if (expected !== null && text.startsWith(exact, expected)) {
      const atPosition = scoreCandidate(text, quote, expected, expected, expected + length, 0);
      if (atPosition.contextConfirms) return found(atPosition, 'position');
    }
    const exactCandidates = exactOccurrences(text, kgrams(), exact).map((start) =>
      scoreCandidate(text, quote, expected, start, start + length, 0),
    );
    const bestExact = choosePlacement(exactCandidates);
    if (bestExact?.contextConfirms) return found(bestExact, 'quote');
    if (exactOnly) return null;

    // Otherwise the text around was edited, or the quote's own place was while the same words stand elsewhere
    // (repeated phrases, a subheading quoting the body): exact and approximate places compete on score.
    const fuzzyCandidates = approximateCandidates(text, kgrams(), quote, expected).map((c) =>
      scoreCandidate(text, quote, expected, c.start, c.end, c.errors),
    );
    const best = choosePlacement([...exactCandidates, ...fuzzyCandidates]);
    return found(best, best?.errors === 0 ? 'quote' : 'fuzzy');
  };
}

/** The public shape of a placement. */
const placement = ({ start, end, strategy }: Placement): Placement => ({ start, end, strategy });

/**
 * Where a target that came with a position only sits: its code-point span converted over `text`, when the text is
 * that long (an empty span is a caret). Nothing can confirm it: it is where the tool that wrote it counted.
 */
function placeByPosition(text: string, target: AnnotationTarget): Placement | null {
  const { start, end } = target.selector[1];
  const from = codePointToUtf16(text, start);
  const to = codePointToUtf16(text, end);
  return from === null || to === null || to < from ? null : { start: from, end: to, strategy: 'position' };
}

/**
 * Where an empty quote sits (the W3C model allows one: a point between characters): the caret between its prefix and
 * suffix, where they occur together once, or at the stored position among several (without context, every point is
 * one of them). Null when nothing tells the places apart.
 */
function placeCaret(text: string, quote: TextQuoteSelector, expected: number | null): Placement | null {
  const context = quote.prefix + quote.suffix;
  if (context.length === 0) {
    return expected === null || expected > text.length ? null : { start: expected, end: expected, strategy: 'position' };
  }
  const carets: number[] = [];
  for (let at = text.indexOf(context); at >= 0; at = text.indexOf(context, at + 1)) carets.push(at + quote.prefix.length);
  const caret = carets.length === 1 ? carets[0] : carets.find((c) => c === expected);
  return caret === undefined ? null : { start: caret, end: caret, strategy: 'quote' };
}

/** An anchorer for `text` (the `TextIndex.text` of the article as it is now). */
export function createAnchorer(text: string): Anchorer {
  const plain = createFind(text);
  // The folded text's search, made when first needed (the plain one when folding changes nothing).
  let folded: Find | undefined;
  let wantedFold = false;

  const anchor = (target: AnnotationTarget): Placement | null => {
    const [quote, position] = target.selector;
    if (target.missing === 'selectors') return null;
    if (target.missing === 'quote') return placeByPosition(text, target);
    const expected = target.missing === 'position' ? null : Math.max(0, Math.min(position.start, text.length)) || 0;
    if (quote.exact.length === 0) return placeCaret(text, quote, expected);
    const inPlain = plain(quote, expected);
    // Exact, or approximate with the context confirming both sides: settled.
    if (inPlain && (inPlain.strategy !== 'fuzzy' || inPlain.contextConfirms)) return placement(inPlain);

    // Without the folding pairs (not fetched yet): settle for the plain result and say folding was wanted.
    if (!foldPairsReady()) {
      wantedFold = true;
      return inPlain && placement(inPlain);
    }
    if (!folded) {
      const foldedText = foldScript(text);
      folded = foldedText === text ? plain : createFind(foldedText);
    }
    const foldedQuote = foldQuote(quote);
    if (folded === plain && foldedQuote === quote) return inPlain && placement(inPlain);
    // Over an approximate place, only the exact folded one is sought, and taken when it covers it: folding matched
    // what the approximate place left out.
    const inScript = folded(foldedQuote, expected, inPlain !== null);
    const covers = !inPlain || (inScript !== null && inScript.start <= inPlain.start && inScript.end >= inPlain.end);
    if (inScript && covers) return placement({ ...inScript, strategy: 'folded' });
    return inPlain && placement(inPlain);
  };

  return {
    text,
    anchor,
    get wantedFold() {
      return wantedFold;
    },
  };
}
