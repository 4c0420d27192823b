/**
 * Judging our anchorer on the ported peer cases (`types.ts`): each case passes or fails, and the cases where our rules
 * differ from the peer's pass when we do what `differs` says. Used by the unit test and by the bench's pass counts.
 * Needs a DOM (the unit tests' happy-dom, or the bench's): `parse` turns HTML into a document.
 */
import { createAnchorer, type Placement } from '../../../lib/core/anchoring/anchor';
import { describeRange } from '../../../lib/core/anchoring/describe';
import { editProfile } from '../../../lib/core/anchoring/edit-distance';
import { scoreCandidate } from '../../../lib/core/anchoring/placement';
import { surrogatePairCount } from '../../../lib/core/anchoring/surrogates';
import { buildTextIndex, rangeToOffsets, type TextIndex } from '../../../lib/core/anchoring/text-index';
import { SELECTOR_VERSION, type AnnotationTarget } from '../../../lib/core/model/annotation';
import type { MatchCase, PeerCase, PeerDocument, PeerPlace, PeerSuite, RoundTripCase, ScoreOrderCase } from './types';
// Anchoring folds scripts with the bundled pairs (the extension's content script fetches them when needed).
import '../../../lib/core/anchoring/with-fold-pairs';

/** Parses HTML into a document. */
export type ParseHtml = (html: string) => Document;

/** The verdict on one case. */
export interface CaseVerdict {
  name: string;
  source: string;
  pass: boolean;
  /** The case is one where our rules differ from the peer's (judged against `differs`). */
  differs: boolean;
  /** What went wrong, when it failed. */
  problem?: string;
}

/** A [start, end) span of the indexed text. */
interface Span {
  start: number;
  end: number;
}

/** A document as our anchoring sees it: its indexed text, and how to resolve the peer's DOM places in it. */
interface Indexed {
  text: string;
  index: TextIndex | null;
  root: Node | null;
}

function indexDocument(document: PeerDocument, parse: ParseHtml): Indexed {
  if ('text' in document) return { text: document.text, index: null, root: null };
  const doc = parse(document.html);
  const root = document.root ? doc.querySelector(document.root)! : doc.documentElement;
  const index = buildTextIndex(root);
  return { text: index.text, index, root };
}

/** The children of `parent` a simple XPath step names: `name`, `name[n]`, `text()`, `text()[n]` (1-based). */
function step(parent: Node, spec: string): Node | null {
  const [, name, nth] = /^([^[]+)(?:\[(\d+)\])?$/.exec(spec)!;
  const wanted = [...parent.childNodes].filter((n) =>
    name === 'text()' ? n.nodeType === 3 : n.nodeType === 1 && (n as Element).localName === name,
  );
  return wanted[Number(nth ?? 1) - 1] ?? null;
}

/** The node a simple XPath names: `//first/…` from the first matching element of the document, `/…` from `root`. */
function resolveXPath(root: Node, path: string): Node {
  let node: Node | null;
  let steps: string[];
  if (path.startsWith('//')) {
    [, ...steps] = path.slice(2).split('/');
    const first = path.slice(2).split('/')[0];
    node = root.ownerDocument!.getElementsByTagName(first)[0] ?? null;
  } else {
    steps = path.slice(1).split('/');
    node = root;
  }
  for (const s of steps) node = node && step(node, s);
  if (!node) throw new Error(`the XPath ${path} names no node`);
  return node;
}

/** The text offset of a DOM boundary point, as the index counts. */
function offsetAt(index: TextIndex, node: Node, offset: number): number {
  const range = index.root.ownerDocument.createRange();
  range.setStart(index.root, 0);
  range.setEnd(node, offset);
  return rangeToOffsets(index, range)?.end ?? 0;
}

/** A peer's place as a span of the indexed text; `quoteLength` for a place given by where a string starts. */
function spanOf(doc: Indexed, place: PeerPlace, quoteLength: number): Span {
  if ('start' in place) return place;
  if ('startOf' in place) {
    const start = doc.text.indexOf(place.startOf);
    return { start, end: start + quoteLength };
  }
  const index = doc.index!;
  return {
    start: offsetAt(index, resolveXPath(doc.root!, place.startContainerXPath), place.startOffset),
    end: offsetAt(index, resolveXPath(doc.root!, place.endContainerXPath), place.endOffset),
  };
}

/** Our target for the peer's selectors: quote and position as given; a selector missing is marked so. */
function targetFor(doc: Indexed, c: MatchCase, position?: number): AnnotationTarget {
  const quote = c.selectors.find((s) => s.type === 'TextQuoteSelector');
  const byPosition = c.selectors.find((s) => s.type === 'TextPositionSelector');
  const exact = quote?.exact ?? '';
  const quoteSelector = { type: 'TextQuoteSelector' as const, exact, prefix: quote?.prefix ?? '', suffix: quote?.suffix ?? '' };
  const start = position ?? c.hint;
  if (start !== undefined) {
    return {
      version: SELECTOR_VERSION,
      selector: [quoteSelector, { type: 'TextPositionSelector', start, end: start + exact.length }],
    };
  }
  if (!quote && byPosition) {
    return { version: SELECTOR_VERSION, selector: [quoteSelector, { ...byPosition }], missing: 'quote' };
  }
  if (byPosition) {
    // The peer's code points, converted over the document's text as an import converts them over the quote's prefix.
    const utf16 = [...doc.text].slice(0, byPosition.start).join('').length;
    return {
      version: SELECTOR_VERSION,
      selector: [quoteSelector, { type: 'TextPositionSelector', start: utf16, end: utf16 + exact.length }],
    };
  }
  return {
    version: SELECTOR_VERSION,
    selector: [quoteSelector, { type: 'TextPositionSelector', start: 0, end: Math.max(1, exact.length) }],
    missing: 'position',
  };
}

const same = (a: Placement | null, b: Span | null): boolean =>
  a === null || b === null ? a === b : a.start === b.start && a.end === b.end;

const shown = (p: Span | null): string => (p ? `[${p.start}, ${p.end})` : 'an orphan');

function judgeMatch(c: MatchCase, parse: ParseHtml): Omit<CaseVerdict, 'name' | 'source'> {
  const doc = indexDocument(c.document, parse);
  const anchorer = createAnchorer(doc.text);
  const quoteLength = c.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact.length ?? 0;
  const ours = anchorer.anchor(targetFor(doc, c));
  const fail = (expected: Span | null, got: Placement | null) => ({
    pass: false,
    differs: c.differs !== undefined,
    problem: `expected ${shown(expected)}, got ${shown(got)}`,
  });
  if (c.differs) {
    const want = c.differs.ours === 'orphan' ? null : spanOf(doc, c.differs.ours, quoteLength);
    return same(ours, want) ? { pass: true, differs: true } : fail(want, ours);
  }
  const expected = c.expected.map((p) => spanOf(doc, p, quoteLength));
  if (expected.length <= 1) {
    const want = expected[0] ?? null;
    return same(ours, want) ? { pass: true, differs: false } : fail(want, ours);
  }
  // Several places: none without a position to choose; with one at each, that one.
  if (ours !== null) return fail(null, ours);
  for (const want of expected) {
    const got = anchorer.anchor(targetFor(doc, c, want.start));
    if (!same(got, want)) return fail(want, got);
  }
  return { pass: true, differs: false };
}

/** The start and end containers of a round-trip range: an XPath from the root, or an index into its text nodes. */
function rangeNode(root: Node, container: string | number): Node {
  if (typeof container === 'string') return resolveXPath(root, container);
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Node[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes[container];
}

function judgeRoundTrip(c: RoundTripCase, parse: ParseHtml): Omit<CaseVerdict, 'name' | 'source'> {
  const doc = indexDocument(c.document, parse);
  const index = doc.index!;
  const range = index.root.ownerDocument.createRange();
  range.setStart(rangeNode(doc.root!, c.range.startContainer), c.range.startOffset);
  range.setEnd(rangeNode(doc.root!, c.range.endContainer), c.range.endOffset);
  if (range.toString() !== c.quote) {
    return { pass: false, differs: false, problem: `the range reads ${JSON.stringify(range.toString())}` };
  }
  const described = describeRange(index, range);
  if (!described) return { pass: false, differs: false, problem: 'the range was not described' };
  const [quote, position] = described.selector;
  const anchorer = createAnchorer(index.text);
  const byQuote = anchorer.anchor({ ...described, missing: 'position' });
  const pairsBefore = surrogatePairCount(index.text, 0, position.start);
  const byPosition = anchorer.anchor({
    version: SELECTOR_VERSION,
    selector: [
      { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      {
        type: 'TextPositionSelector',
        start: position.start - pairsBefore,
        end: position.end - pairsBefore - surrogatePairCount(quote.exact),
      },
    ],
    missing: 'quote',
  });
  if (!same(byQuote, position)) return { pass: false, differs: false, problem: `by its quote: ${shown(byQuote)}` };
  if (!same(byPosition, position)) {
    return { pass: false, differs: false, problem: `by its position: ${shown(byPosition)}` };
  }
  return { pass: true, differs: false };
}

function judgeScoreOrder(c: ScoreOrderCase): Omit<CaseVerdict, 'name' | 'source'> {
  const start = c.text.indexOf(c.at);
  const end = start + c.at.length;
  const scores = c.variants.map((variant) => {
    const quote = {
      type: 'TextQuoteSelector' as const,
      exact: c.varies === 'exact' ? variant : c.quote,
      prefix: c.varies === 'prefix' ? variant : '',
      suffix: c.varies === 'suffix' ? variant : '',
    };
    const errors = editProfile(quote.exact, c.text, start, 1, end - start, true)[end - start];
    return scoreCandidate(c.text, quote, null, start, end, errors).score;
  });
  const falling = scores.every((s, i) => i === 0 || s < scores[i - 1]);
  return falling
    ? { pass: true, differs: false }
    : { pass: false, differs: false, problem: `scores ${scores.map((s) => s.toFixed(2)).join(', ')}` };
}

/** Judges one case. */
export function judgeCase(c: PeerCase, parse: ParseHtml): CaseVerdict {
  const verdict =
    c.kind === 'match' ? judgeMatch(c, parse) : c.kind === 'round-trip' ? judgeRoundTrip(c, parse) : judgeScoreOrder(c);
  return { name: c.name, source: c.source, ...verdict };
}

/** Pass counts over one suite: all cases, passed, and among them those where our rules differ. */
export function tallySuite(suite: PeerSuite, parse: ParseHtml): { cases: number; passed: number; differing: number } {
  const verdicts = suite.cases.map((c) => judgeCase(c, parse));
  return {
    cases: verdicts.length,
    passed: verdicts.filter((v) => v.pass).length,
    differing: verdicts.filter((v) => v.differs).length,
  };
}
