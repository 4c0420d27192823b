/**
 * The edit-corpus benchmark: 1,000 stored highlights re-anchored on each kind of edited article (`edit-corpus.ts`),
 * by our anchorer and by three peers in the same run — approx-string-match and diff-match-patch as their best-known
 * clients use them (`peers.ts`), and @apache-annotator/dom (`apache-annotator-peer.ts`). One record per kind and
 * implementation, then one per implementation over all kinds.
 */
import { createAnchorer } from '../../lib/core/anchoring/anchor';
import type { AsyncPeerAnchor } from './apache-annotator-peer';
import { generateEditCorpus, type CorpusSize, type EditCase } from './edit-corpus';
import { addTallies, tallyCorpus, type CorpusTally } from './edit-corpus-judge';
import type { Span } from './judge';
import { approxStringMatchAnchor, createDiffMatchPatchAnchor } from './peers';
import { createPrng } from './prng';
import { generateQuotes, type BenchQuote } from './quotes';
import { interleavedMedians, median } from './timing';

const QUOTE_COUNT = 1000;
const QUOTE_SEED = 20260214;
const CORPUS_SEED = 5;
/** Edits per version: about one every 80 characters for the targeted kinds. */
export const BENCH_CORPUS_SIZE: CorpusSize = { targets: 200, sentences: 30, swaps: 6 };
/** Timed rounds after a warm-up. */
const ROUNDS = 5;

/** One benchmark figure: an implementation's verdicts on one kind (or `all`), or why it could not run. */
export type EditCorpusRecord = { bench: 'edit-corpus'; kind: string; impl: string } & (
  (CorpusTally & { median_ms: number }) | { error: string }
);

/** Places every quote on `text`; the anchorer (or peer) is built inside, as re-anchoring a page would. */
type PlaceAll = (text: string, quotes: readonly BenchQuote[]) => (Span | null)[];

const SYNC_IMPLEMENTATIONS: Record<string, PlaceAll> = {
  ours: (text, quotes) => {
    const anchorer = createAnchorer(text);
    return quotes.map((q) => anchorer.anchor(q.target));
  },
  'approx-string-match': (text, quotes) => quotes.map((q) => approxStringMatchAnchor(text, q.target)),
  'diff-match-patch': (text, quotes) => {
    const anchor = createDiffMatchPatchAnchor();
    return quotes.map((q) => anchor(text, q.target));
  },
};

const APACHE = '@apache-annotator/dom';

/** Makes the Apache Annotator peer over one text. */
type ApachePeer = (text: string) => AsyncPeerAnchor;

/**
 * The Apache Annotator peer, or why it cannot be loaded: @apache-annotator/dom 0.2.0 imports @apache-annotator/selector
 * at run time but lists it only among its devDependencies, so installing the one does not install the other.
 */
async function loadApachePeer(): Promise<ApachePeer | string> {
  try {
    return (await import('./apache-annotator-peer')).createApacheAnnotatorAnchor;
  } catch (error) {
    return `${APACHE} cannot be loaded: ${(error as Error).message.split('\n')[0]}`;
  }
}

/** Builds the peer's document and places every quote in it. */
async function placeWithApacheAnnotator(peer: ApachePeer, text: string, quotes: readonly BenchQuote[]): Promise<(Span | null)[]> {
  const anchor = peer(text);
  const placed: (Span | null)[] = [];
  for (const q of quotes) placed.push(await anchor(q.target));
  return placed;
}

/** Median wall time (ms) of `ROUNDS` runs of async `work` after a warm-up, with its last result. */
async function timeAsync<T>(work: () => Promise<T>): Promise<{ medianMs: number; result: T }> {
  let result = await work();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    result = await work();
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), result };
}

/** An implementation's verdicts on one edited version, and its median time. */
interface Outcome {
  tally: CorpusTally;
  ms: number;
}

/** Tally and median time of every implementation on one edited version. */
async function runCase(edit: EditCase, quotes: readonly BenchQuote[], apache: ApachePeer | null): Promise<Map<string, Outcome>> {
  const results = new Map<string, Outcome>();
  const works = Object.fromEntries(
    Object.entries(SYNC_IMPLEMENTATIONS).map(([impl, placeAll]) => [impl, () => placeAll(edit.text, quotes)]),
  );
  for (const [impl, { medianMs, result }] of Object.entries(interleavedMedians(works, ROUNDS))) {
    results.set(impl, { tally: tallyCorpus(result, edit.truths), ms: medianMs });
  }
  if (apache) {
    const { medianMs, result } = await timeAsync(() => placeWithApacheAnnotator(apache, edit.text, quotes));
    results.set(APACHE, { tally: tallyCorpus(result, edit.truths), ms: medianMs });
  }
  return results;
}

/**
 * Runs the corpus of `article` through every implementation: a record per kind × implementation, then per
 * implementation one of kind `all` (tallies summed; `median_ms` the sum of its per-kind medians).
 */
export async function benchEditCorpus(article: string): Promise<EditCorpusRecord[]> {
  const quotes = generateQuotes(article, QUOTE_COUNT, createPrng(QUOTE_SEED));
  const corpus = generateEditCorpus(article, quotes, CORPUS_SEED, BENCH_CORPUS_SIZE);
  const apache = await loadApachePeer();
  const record = (kind: string, impl: string, tally: CorpusTally, ms: number): EditCorpusRecord => ({
    bench: 'edit-corpus',
    kind,
    impl,
    ...tally,
    median_ms: Number(ms.toFixed(3)),
  });
  const records: EditCorpusRecord[] = [];
  const totals = new Map<string, Outcome[]>();
  for (const edit of corpus) {
    for (const [impl, outcome] of await runCase(edit, quotes, typeof apache === 'string' ? null : apache)) {
      records.push(record(edit.kind, impl, outcome.tally, outcome.ms));
      totals.set(impl, [...(totals.get(impl) ?? []), outcome]);
    }
  }
  for (const [impl, outcomes] of totals) {
    const ms = outcomes.reduce((sum, outcome) => sum + outcome.ms, 0);
    records.push(record('all', impl, addTallies(outcomes.map((outcome) => outcome.tally)), ms));
  }
  if (typeof apache === 'string') records.push({ bench: 'edit-corpus', kind: 'all', impl: APACHE, error: apache });
  return records;
}
