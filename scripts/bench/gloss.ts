/**
 * Benchmarks of the English gloss: how long the built dictionary takes to become ready and how much memory it holds,
 * and how long segmenting and glossing the seed article takes once it is ready. Reads the asset from the build output
 * (`npm run bench` builds first); the extension fetches the same file.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DICTIONARY_ASSET_PATH } from '../../lib/gloss/dictionary-asset';
import { glossText } from '../../lib/gloss/gloss-text';
import { loadDictionaryFile } from '../dictionary/node-loader';
import { median } from './timing';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The asset in the Chromium build output. */
export const BUILT_DICTIONARY = join(ROOT, '.output/chrome-mv3', DICTIONARY_ASSET_PATH);

const READY_RUNS = 9;
const GLOSS_RUNS = 15;
const MB = 1024 * 1024;

type GlossBench = 'dictionary-ready' | 'gloss-seed' | 'gloss-seed-x2';

/** A benchmark figure, printed as one JSON line. */
export type GlossBenchRecord =
  | { bench: 'dictionary-ready'; runs: number; median_ms: number; heap_mb: number; heap_after_gloss_mb: number }
  | {
      bench: 'gloss-seed' | 'gloss-seed-x2';
      chars: number;
      words: number;
      runs: number;
      median_ms: number;
      warm_median_ms: number;
    }
  | { bench: GlossBench; error: string };

/** A garbage collector to call before reading memory (exposed at run time, so no `--expose-gc` flag is needed). */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Bytes held by the JS heap and by array buffers (where the dictionary's data lives), after full collections. */
function retainedBytes(gc: () => void): number {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Median (ms, 3 decimals) of `runs` calls of `timeOne`, which times its own work, after one discarded warm-up. */
function medianMs(runs: number, timeOne: () => number): number {
  timeOne();
  return Number(median(Array.from({ length: runs }, timeOne)).toFixed(3));
}

/** Milliseconds taken by `work`. */
function elapsed(work: () => unknown): number {
  const t0 = performance.now();
  work();
  return performance.now() - t0;
}

/**
 * Segmenting and glossing `text`: median time on a dictionary opened just before (`median_ms`: no entry decoded yet,
 * as on a new page) and on one that glossed the text before (`warm_median_ms`).
 */
function benchGlossText(bench: 'gloss-seed' | 'gloss-seed-x2', text: string, dictionaryFile: string): GlossBenchRecord {
  const dict = loadDictionaryFile(dictionaryFile);
  const words = glossText(text, dict).filter((t) => t.gloss !== undefined).length;
  const coldMs = medianMs(GLOSS_RUNS, () => {
    const fresh = loadDictionaryFile(dictionaryFile);
    return elapsed(() => glossText(text, fresh));
  });
  const warmMs = medianMs(GLOSS_RUNS, () => elapsed(() => glossText(text, dict)));
  return { bench, chars: text.length, words, runs: GLOSS_RUNS, median_ms: coldMs, warm_median_ms: warmMs };
}

/**
 * `dictionary-ready`: median time from first use to ready (read the built asset — the extension fetches it — and
 * open it), the memory a ready dictionary holds (`heap_mb`), and what it holds after glossing `article`
 * (`heap_after_gloss_mb`, its caches filled).
 * `gloss-seed`: segmenting and glossing `article`; `gloss-seed-x2`: the article twice over, the ≈ 33,000 characters
 * the issue budgets for (the seed article itself has about 16,500).
 */
export async function benchGloss(article: string, dictionaryFile = BUILT_DICTIONARY): Promise<GlossBenchRecord[]> {
  if (!existsSync(dictionaryFile)) {
    const error = `no dictionary at ${dictionaryFile} (build first)`;
    return (['dictionary-ready', 'gloss-seed', 'gloss-seed-x2'] as const).map((bench) => ({ bench, error }));
  }
  // Memory first, before timed runs leave dictionaries behind for the collector.
  const gc = exposeGc();
  const before = retainedBytes(gc);
  const dict = loadDictionaryFile(dictionaryFile);
  const ready = retainedBytes(gc);
  glossText(article, dict);
  const afterGloss = retainedBytes(gc);
  const readyMs = medianMs(READY_RUNS, () => elapsed(() => loadDictionaryFile(dictionaryFile)));
  return [
    {
      bench: 'dictionary-ready',
      runs: READY_RUNS,
      median_ms: readyMs,
      heap_mb: Number(((ready - before) / MB).toFixed(2)),
      heap_after_gloss_mb: Number(((afterGloss - before) / MB).toFixed(2)),
    },
    benchGlossText('gloss-seed', article, dictionaryFile),
    benchGlossText('gloss-seed-x2', `${article}\n${article}`, dictionaryFile),
  ];
}
