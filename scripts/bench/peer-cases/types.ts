/**
 * The shape of the anchoring test cases ported from other annotation projects (Apache Annotator, the Hypothesis
 * client): their inputs and expected outputs re-written as data, each case naming the peer's test file. The cases
 * themselves are in one file per peer; `run.ts` judges our anchorer on them.
 */

/** A selector as the peer's test gives it (positions count Unicode code points over the document's text). */
export type PeerSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: 'RangeSelector'; startContainer: string; startOffset: number; endContainer: string; endOffset: number };

/**
 * A place in the document: a DOM range by simple XPaths (`//b/text()[2]`: the first `b` in the document, its second
 * text child; `/p[2]`: the root's second `p` child), with offsets; or, in a plain-text document, where a string
 * starts (and the matched quote's length), or offsets.
 */
export type PeerPlace =
  | { startContainerXPath: string; startOffset: number; endContainerXPath: string; endOffset: number }
  | { startOf: string }
  | { start: number; end: number };

/** A document: HTML (indexed from `root`, a CSS selector, else the whole document element) or plain text. */
export type PeerDocument = { html: string; root?: string } | { text: string };

/**
 * Where our rules place an annotation differently from the peer, and why: `orphan`, or the place we choose. Each is
 * listed in the README.
 */
export interface Difference {
  ours: 'orphan' | PeerPlace;
  reason: string;
}

/**
 * Finding stored selectors: the peer expects every place in `expected` (none: not found). We give one place or none,
 * so where the peer finds several, nothing tells them apart: ours is an orphan, and, given a stored position at one
 * of them, that one.
 */
export interface MatchCase {
  kind: 'match';
  name: string;
  source: string;
  document: PeerDocument;
  selectors: PeerSelector[];
  /** Hypothesis' `hint`: the position (UTF-16) the quote is expected near. */
  hint?: number;
  expected: PeerPlace[];
  differs?: Difference;
}

/**
 * Describing a selection and finding it again (Hypothesis): the range given by XPaths or by index into the root's
 * text nodes must read `quote`; described, each selector alone (the quote, the position) must find it again.
 */
export interface RoundTripCase {
  kind: 'round-trip';
  name: string;
  source: string;
  document: { html: string; root?: string };
  range: { startContainer: string | number; startOffset: number; endContainer: string | number; endOffset: number };
  quote: string;
}

/**
 * Scoring (Hypothesis): the quote, prefix or suffix variants in `variants` are listed from most to least like the
 * text at `at`; the scores of that place must fall in the same order.
 */
export interface ScoreOrderCase {
  kind: 'score-order';
  name: string;
  source: string;
  text: string;
  /** Where the quote truly is: the start of this string in `text`, with the quote's length. */
  at: string;
  /** Which part varies; the other parts are `quote` (empty prefix and suffix unless varied). */
  varies: 'exact' | 'prefix' | 'suffix';
  quote: string;
  variants: string[];
}

/** One ported case. */
export type PeerCase = MatchCase | RoundTripCase | ScoreOrderCase;

/** A peer's ported cases, with the repository and commit they come from. */
export interface PeerSuite {
  peer: string;
  repository: string;
  commit: string;
  cases: PeerCase[];
  /** Test cases of the same files not ported, and why. */
  notPorted: { name: string; source: string; reason: string }[];
}
