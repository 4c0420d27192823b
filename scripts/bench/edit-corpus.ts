/**
 * A realistic edit corpus over the seed article: for each kind of edit an editor or a re-publisher makes, one edited
 * version of the article, with where every stored highlight's words are in it, or none when they are gone: more than
 * half of its characters cut or moved away (`trueSpans` has the exact rule).
 *
 * Kinds, each applied to the original article on its own:
 * - `insert-near` / `cut-near`: a word inserted / 1–4 characters cut 1–16 characters before or after a highlight,
 *   in its stored context;
 * - `insert-inside` / `cut-inside`: the same inside a highlight (a cut keeps its first and last characters and takes
 *   at most 6; on a short highlight that can be more than half of it: gone);
 * - `remove-sentences`: whole sentences deleted (highlights inside them are gone; those reaching into one lose that
 *   part);
 * - `swap-paragraphs`: pairs of paragraphs exchanged, so highlights in them move far (one reaching across a moved
 *   paragraph's edge is where a part holding at least half of it is);
 * - `punctuation`: most marks in Chinese text switched between full-width and ASCII (，↔, 。↔. “”→"" …);
 * - `traditional-to-simplified`: the whole text converted to Simplified characters (`traditional-to-simplified.ts`).
 * Targeted kinds edit around `targets` highlights drawn at random, skipping an edit that would touch an earlier one.
 * Every highlight is judged on every version: one edit also lands in or beside the highlights overlapping its target.
 */
import { assemble, trueSpans, type Segment, type Truth } from './edit-corpus-text';
import { createPrng, type Prng } from './prng';
import type { BenchQuote } from './quotes';
import { toSimplified } from './traditional-to-simplified';

/** The kinds of edit in the corpus, in report order. */
export const EDIT_KINDS = [
  'insert-near',
  'insert-inside',
  'cut-near',
  'cut-inside',
  'remove-sentences',
  'swap-paragraphs',
  'punctuation',
  'traditional-to-simplified',
] as const;

export type EditKind = (typeof EDIT_KINDS)[number];

/** One edited version of the article: its text, and where each highlight's words are (same order as the quotes). */
export interface EditCase {
  kind: EditKind;
  text: string;
  truths: Truth[];
}

/** How much editing each version gets. */
export interface CorpusSize {
  /** Highlights edited around (targeted kinds). */
  targets: number;
  /** Sentences deleted. */
  sentences: number;
  /** Pairs of paragraphs exchanged. */
  swaps: number;
}

/** Words an editor adds, in the seed article's (Traditional) script: fillers, connectives, a clause. */
const INSERTED_WORDS = [
  ...['也', '都', '的', '了', '非常', '已經', '目前', '其實', '仍然', '大約', '同時', '主要', '相關', '這些'],
  ...['此外，', '據悉，', '進一步', '所謂的', '，並且', '，據報導，', '（編者註）', '從某種意義上說，'],
];

/** Greatest distance (characters) from a highlight of a `-near` edit, and the longest cut. */
const NEAR_DISTANCE = 16;
const NEAR_CUT = 4;
const INSIDE_CUT = 6;

/** Share of punctuation marks switched in the `punctuation` kind. */
const PUNCTUATION_SWITCH_RATE = 0.75;

/**
 * Full-width marks and their ASCII forms, and back (both curly double quotes become a straight one, which stays).
 * Written out here rather than taken from the anchorer's folding, so the corpus does not test that table with itself.
 */
const FULL_TO_ASCII = new Map([
  ...[
    ['，', ','],
    ['。', '.'],
    ['：', ':'],
    ['；', ';'],
    ['？', '?'],
    ['！', '!'],
  ],
  ...[
    ['（', '('],
    ['）', ')'],
    ['“', '"'],
    ['”', '"'],
  ],
] as [string, string][]);
const ASCII_TO_FULL = new Map([...FULL_TO_ASCII].filter(([, ascii]) => ascii !== '"').map(([full, ascii]) => [ascii, full]));

/** A CJK ideograph (Basic Multilingual Plane blocks), which makes a neighbouring mark Chinese punctuation. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Sentence ends: Chinese and ASCII terminators. */
const SENTENCE_END = /[。！？；!?;]/;

/** A cut of [start, end) replaced by `insert` (start = end: a pure insertion). */
interface Splice {
  start: number;
  end: number;
  insert: string;
}

/** Whether `splice` stays clear of (neither overlaps nor touches) every splice taken so far. */
const isClear = (taken: readonly Splice[], splice: Splice): boolean =>
  taken.every((t) => splice.end < t.start || t.end < splice.start);

/** The segments of the article with non-overlapping `splices` applied. */
function spliceSegments(length: number, splices: readonly Splice[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const { start, end, insert } of [...splices].sort((a, b) => a.start - b.start)) {
    segments.push({ from: at, to: start });
    if (insert) segments.push({ insert });
    at = end;
  }
  segments.push({ from: at, to: length });
  return segments;
}

/** A random element of `list`. */
const pick = <T>(prng: Prng, list: readonly T[]): T => list[prng.int(0, list.length - 1)];

/** An edit around (or in) the highlight at [start, end) of an article of `n` characters; null when there is no room. */
type TargetedEdit = (prng: Prng, start: number, end: number, n: number) => Splice | null;

const TARGETED: Record<'insert-near' | 'insert-inside' | 'cut-near' | 'cut-inside', TargetedEdit> = {
  'insert-near': (prng, start, end, n) => {
    const d = prng.int(1, NEAR_DISTANCE);
    const at = prng.next() < 0.5 ? start - d : end + d;
    return at > 0 && at < n ? { start: at, end: at, insert: pick(prng, INSERTED_WORDS) } : null;
  },
  'insert-inside': (prng, start, end) => {
    const at = prng.int(start + 1, end - 1);
    return { start: at, end: at, insert: pick(prng, INSERTED_WORDS) };
  },
  'cut-near': (prng, start, end, n) => {
    const d = prng.int(1, NEAR_DISTANCE);
    const length = prng.int(1, NEAR_CUT);
    const from = prng.next() < 0.5 ? start - d - length : end + d;
    return from >= 0 && from + length <= n ? { start: from, end: from + length, insert: '' } : null;
  },
  'cut-inside': (prng, start, end) => {
    if (end - start < 3) return null;
    const length = prng.int(1, Math.min(INSIDE_CUT, end - start - 2));
    const from = prng.int(start + 1, end - 1 - length);
    return { start: from, end: from + length, insert: '' };
  },
};

/** Segments for a targeted kind: one edit near or in each of `targets` random highlights. */
function targetedSegments(
  edit: TargetedEdit,
  article: string,
  quotes: readonly BenchQuote[],
  targets: number,
  prng: Prng,
): Segment[] {
  const splices: Splice[] = [];
  for (let tries = 0; splices.length < targets && tries < targets * 20; tries++) {
    const { span } = pick(prng, quotes);
    const splice = edit(prng, span.start, span.end, article.length);
    if (splice && isClear(splices, splice)) splices.push(splice);
  }
  return spliceSegments(article.length, splices);
}

/** [start, end) of every sentence: after a terminator or line break, through the next terminator or line end. */
export function sentenceRanges(article: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= article.length; i++) {
    const atLineEnd = i === article.length || article[i] === '\n';
    const terminated = !atLineEnd && SENTENCE_END.test(article[i]);
    if (!atLineEnd && !terminated) continue;
    const end = terminated ? i + 1 : i;
    if (article.slice(start, end).trim()) ranges.push([start, end]);
    start = i + 1;
  }
  return ranges;
}

/** Segments with `count` random sentences deleted. */
function removeSentences(article: string, count: number, prng: Prng): Segment[] {
  const sentences = sentenceRanges(article);
  const splices: Splice[] = [];
  while (splices.length < Math.min(count, sentences.length)) {
    const [start, end] = sentences.splice(prng.int(0, sentences.length - 1), 1)[0];
    splices.push({ start, end, insert: '' });
  }
  return spliceSegments(article.length, splices);
}

/** Segments with `count` random pairs of paragraphs (lines of 10+ characters) exchanged; line breaks stay. */
function swapParagraphs(article: string, count: number, prng: Prng): Segment[] {
  const lines: [number, number][] = [];
  for (let start = 0; start <= article.length;) {
    const newline = article.indexOf('\n', start);
    const end = newline < 0 ? article.length : newline;
    lines.push([start, end]);
    start = end + 1;
  }
  const order = lines.map((_, i) => i);
  const free = order.filter((i) => lines[i][1] - lines[i][0] >= 10);
  for (let k = 0; k < count && free.length >= 2; k++) {
    const a = free.splice(prng.int(0, free.length - 1), 1)[0];
    const b = free.splice(prng.int(0, free.length - 1), 1)[0];
    [order[a], order[b]] = [order[b], order[a]];
  }
  return order.flatMap((source, i): Segment[] => {
    const [from, to] = lines[source];
    const lineBreak = lines[i][1];
    return lineBreak < article.length
      ? [
          { from, to },
          { from: lineBreak, to: lineBreak + 1 },
        ]
      : [{ from, to }];
  });
}

/** The article with most marks beside a Chinese character switched between full-width and ASCII form. */
function switchPunctuation(article: string, prng: Prng): string {
  let out = '';
  for (let i = 0; i < article.length; i++) {
    const c = article[i];
    // A full stop counts as Chinese only after a Chinese character: not in 1.5 or a URL before one.
    const chinese = HAN.test(article[i - 1] ?? '') || (c !== '.' && HAN.test(article[i + 1] ?? ''));
    const other = FULL_TO_ASCII.get(c) ?? ASCII_TO_FULL.get(c);
    out += other && chinese && prng.next() < PUNCTUATION_SWITCH_RATE ? other : c;
  }
  return out;
}

/** The segments of one kind's edited version. */
function kindSegments(kind: EditKind, article: string, quotes: readonly BenchQuote[], size: CorpusSize, prng: Prng): Segment[] {
  const whole = (as: string): Segment[] => [{ from: 0, to: article.length, as }];
  switch (kind) {
    case 'remove-sentences':
      return removeSentences(article, size.sentences, prng);
    case 'swap-paragraphs':
      return swapParagraphs(article, size.swaps, prng);
    case 'punctuation':
      return whole(switchPunctuation(article, prng));
    case 'traditional-to-simplified':
      return whole(toSimplified(article));
    default:
      return targetedSegments(TARGETED[kind], article, quotes, size.targets, prng);
  }
}

/** One edited version per kind of `article`, with the truth for each of `quotes`; the same for the same seed. */
export function generateEditCorpus(article: string, quotes: readonly BenchQuote[], seed: number, size: CorpusSize): EditCase[] {
  return EDIT_KINDS.map((kind, k) => {
    const edited = assemble(article, kindSegments(kind, article, quotes, size, createPrng(seed + k)));
    const truths = quotes.map((q) => trueSpans(article, edited, q.span.start, q.span.end));
    return { kind, text: edited.text, truths };
  });
}
