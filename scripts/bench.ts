/**
 * Benchmarks: re-anchoring 1,000 stored quotes on the seed article, ours beside two peers, unchanged and after 5%
 * random character edits; the peers' own anchoring test cases passed; the size of the built content script; the
 * gloss dictionary's load time, memory and segmentation speed; exporting 10,000 annotations in each format; importing
 * a W3C collection of up to 100,000 chained pages; and, in Chromium with the built extension, 500 highlights painted
 * and one DOM mutation burst re-anchored, the popup and library with 10,000 annotations, and the gloss toggle; and sync
 * through a local pouchdb-server (first sync of 10,000 annotations, one live edit, encryption cost; and the first sync
 * in the extension's real service worker, with its memory). Prints
 * one JSON object per line per figure and nothing else on stdout. Run with `node --import tsx scripts/bench.ts`
 * (`npm run bench` builds the extension first).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnchorer } from '../lib/core/anchoring/anchor';
import { benchBrowserPaint } from './bench/browser-paint';
import { benchExport } from './bench/export';
import { benchImportPages } from './bench/import-pages';
import { benchGloss } from './bench/gloss';
import { benchGlossToggle } from './bench/gloss-toggle';
import { benchDictionaryInBrowser } from './bench/dictionary-browser';
import { benchLibrary } from './bench/library';
import { benchSync } from './bench/sync';
import { benchSyncInWorker } from './bench/sync-worker';
import { contentScriptSize } from './bench/bundle-size';
import { benchEditCorpus } from './bench/edit-corpus-bench';
import { benchPeerCases } from './bench/peer-cases-bench';
import { applyRandomEdits, mapSpan } from './bench/edit-text';
import { tallyPlacements, type Span } from './bench/judge';
import { approxStringMatchAnchor, createDiffMatchPatchAnchor, type PeerAnchor } from './bench/peers';
import { createPrng } from './bench/prng';
import { generateQuotes, type BenchQuote } from './bench/quotes';
import { interleavedMedians } from './bench/timing';
// Anchoring folds scripts with the bundled pairs (the extension's content script fetches them when needed).
import '../lib/core/anchoring/with-fold-pairs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUOTE_COUNT = 1000;
/** Timed rounds after a warm-up; each round runs every implementation once, so passing load hits all alike. */
const ROUNDS = 11;
const EDIT_RATE = 0.05;
const QUOTE_SEED = 20260120;
const EDIT_SEED = 163;

/** The seed article's text without its last two lines (the 网易号 disclaimer, which is not article text). */
function loadArticle(): string {
  const raw = readFileSync(join(ROOT, 'tests/fixtures/netease/seed-article.txt'), 'utf8');
  return raw.split('\n').slice(0, -2).join('\n');
}

/** A re-anchoring implementation: given the current text, something that places each stored target. */
type Implementation = (text: string) => (quote: BenchQuote) => Span | null;

const fromPeer =
  (peer: PeerAnchor): Implementation =>
  (text) =>
  (quote) =>
    peer(text, quote.target);

const IMPLEMENTATIONS: Record<string, Implementation> = {
  // The anchorer is built inside the timed work: its index building is part of re-anchoring a page.
  ours: (text) => {
    const anchorer = createAnchorer(text);
    return (quote) => anchorer.anchor(quote.target);
  },
  'approx-string-match': fromPeer(approxStringMatchAnchor),
  'diff-match-patch': fromPeer(createDiffMatchPatchAnchor()),
};

const print = (figure: object): void => {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
};

function benchReanchor(): void {
  const article = loadArticle();
  const quotes = generateQuotes(article, QUOTE_COUNT, createPrng(QUOTE_SEED));
  const edited = applyRandomEdits(article, EDIT_RATE, createPrng(EDIT_SEED));
  const cases = [
    { name: 'unchanged', text: article, truths: quotes.map((q) => q.span) },
    {
      name: 'edits-5pct',
      text: edited.text,
      truths: quotes.map((q) => mapSpan(edited.offsetMap, q.span.start, q.span.end)),
    },
  ];
  for (const { name, text, truths } of cases) {
    const works = Object.fromEntries(
      Object.entries(IMPLEMENTATIONS).map(([impl, implementation]) => [
        impl,
        () => {
          const place = implementation(text);
          return quotes.map(place);
        },
      ]),
    );
    for (const [impl, { medianMs, runs, result }] of Object.entries(interleavedMedians(works, ROUNDS))) {
      const tally = tallyPlacements(result, truths);
      print({
        bench: 'reanchor',
        case: name,
        impl,
        quotes: quotes.length,
        median_ms: Number(medianMs.toFixed(3)),
        runs,
        correct: tally.correct,
        wrong: tally.wrong,
        orphaned: tally.orphaned,
      });
    }
  }
}

/** The JavaScript a NetEase page loads at start, at most (the architecture issue's budget; gloss and translation load on use). */
const START_JS_BUDGET_BYTES = 60_000;

function benchContentScriptSize(): void {
  const size = contentScriptSize(join(ROOT, '.output/chrome-mv3/content-scripts'));
  print(
    size
      ? {
          bench: 'content-script-size',
          bytes: size.bytes,
          gzip_bytes: size.gzipBytes,
          start_js_bytes: size.jsBytes,
          start_js_budget_bytes: START_JS_BUDGET_BYTES,
          within_budget: size.jsBytes <= START_JS_BUDGET_BYTES,
          files: size.files,
        }
      : { bench: 'content-script-size', error: 'not built' },
  );
}

benchReanchor();
for (const figure of await benchEditCorpus(loadArticle())) print(figure);
for (const figure of benchPeerCases()) print(figure);
benchContentScriptSize();
for (const figure of await benchGloss(loadArticle())) print(figure);
for (const figure of await benchExport()) print(figure);
for (const figure of benchImportPages()) print(figure);
for (const figure of await benchBrowserPaint()) print(figure);
for (const figure of await benchLibrary()) print(figure);
for (const figure of await benchDictionaryInBrowser()) print(figure);
for (const figure of await benchGlossToggle()) print(figure);
for (const figure of await benchSync()) print(figure);
for (const figure of await benchSyncInWorker()) print(figure);
