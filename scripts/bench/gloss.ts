/**
 * Benchmarks of the English gloss under Node: how long the built dictionary's parts take to open and how much memory
 * they hold, how long segmenting and glossing the seed article takes once the word index is ready, how right the
 * gloss is on the gold list, and how the segmentation scores on a public segmented corpus. Reads the
 * assets from the build output (`npm run bench` builds first); the extension fetches the same files, and
 * `dictionary-browser.ts` measures them there.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WORD_INDEX_ASSET_PATH } from '../../lib/core/gloss/dictionary-asset';
import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDict } from '@node-rs/jieba/dict';
import { glossText } from '../../lib/core/gloss/gloss-text';
import { segment } from '../../lib/core/gloss/segment';
import type { WordIndex } from '../../lib/core/gloss/word-index';
import { loadDictionaryFiles, loadWordIndexFile } from '../dictionary/node-loader';
import { judgeGoldWords } from './gold-words-judged';
import { loadCorpus, scoreSegmenter } from './segmentation-f1';
import { median } from './timing';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The Chromium build output, where the dictionary's assets are. */
const BUILT_EXTENSION = join(ROOT, '.output/chrome-mv3');

const READY_RUNS = 9;
const GLOSS_RUNS = 15;
const MB = 1024 * 1024;

type GlossBench = 'dictionary-ready' | 'gloss-seed' | 'gloss-seed-x2' | 'gloss-gold' | 'segmentation-f1';

/** A benchmark figure, printed as one JSON line. */
export type GlossBenchRecord =
  | {
      bench: 'dictionary-ready';
      where: 'node';
      /** `word-index`: what the gloss loads; `dictionary`: the word index and every entry (the popover's). */
      part: 'word-index' | 'dictionary';
      /** Headwords (`word-index`) or entries (`dictionary`) it holds. */
      size: number;
      runs: number;
      median_ms: number;
      heap_mb: number;
      heap_after_gloss_mb?: number;
    }
  | {
      bench: 'gloss-seed' | 'gloss-seed-x2';
      chars: number;
      words: number;
      runs: number;
      median_ms: number;
      warm_median_ms: number;
    }
  | {
      bench: 'gloss-gold';
      /** Gold words judged (`tests/fixtures/gloss/gold-words.tsv`). */
      words: number;
      /** Per cent whose English under the word gives the sense the sentence needs. */
      apt_meaning_pct: number;
      /** Per cent whose pinyin over the word is right for the sentence. */
      right_pinyin_pct: number;
      /** Words missed on either count. */
      misses: number;
    }
  | {
      bench: 'segmentation-f1';
      /** The treebank file scored (UD Chinese GSD, Traditional). */
      corpus: string;
      sentences: number;
      /** Chinese words in the treebank's segmentation. */
      words: number;
      precision: number;
      recall: number;
      f1: number;
      /** jieba itself (`@node-rs/jieba`, with its model for unknown words) on the same sentences, for scale. */
      jieba_f1: number;
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
function benchGlossText(bench: 'gloss-seed' | 'gloss-seed-x2', text: string, root: string): GlossBenchRecord {
  const index = loadWordIndexFile(root);
  const words = glossText(text, index).filter((t) => t.gloss !== undefined).length;
  const coldMs = medianMs(GLOSS_RUNS, () => {
    const fresh = loadWordIndexFile(root);
    return elapsed(() => glossText(text, fresh));
  });
  const warmMs = medianMs(GLOSS_RUNS, () => elapsed(() => glossText(text, index)));
  return { bench, chars: text.length, words, runs: GLOSS_RUNS, median_ms: coldMs, warm_median_ms: warmMs };
}

/** `gloss-gold`: the gold list's words as the gloss shows them in their sentences, judged. */
export function benchGlossGold(index: WordIndex): GlossBenchRecord {
  const score = judgeGoldWords(index);
  const { words, apt_meaning_pct, right_pinyin_pct, misses } = score;
  return { bench: 'gloss-gold', words, apt_meaning_pct, right_pinyin_pct, misses: misses.length };
}

/** `segmentation-f1`: our segmentation and jieba's against the UD Chinese GSD test set, when it is there. */
export function benchSegmentationF1(index: WordIndex): GlossBenchRecord {
  const corpus = 'zh_gsd-ud-test.conllu';
  const loaded = loadCorpus(corpus);
  if ('missing' in loaded) return { bench: 'segmentation-f1', error: loaded.missing };
  const ours = scoreSegmenter(loaded.sentences, (text) => segment(text, index).map((t) => t.text));
  const jieba = Jieba.withDict(jiebaDict);
  const theirs = scoreSegmenter(loaded.sentences, (text) => jieba.cut(text, true));
  return { bench: 'segmentation-f1', corpus, ...ours, jieba_f1: theirs.f1 };
}

/**
 * `dictionary-ready` (Node): median time to read and open each part from the build output, the memory it holds
 * (`heap_mb`), and for the word index what it holds after glossing `article` (`heap_after_gloss_mb`, caches filled).
 * `gloss-seed`: segmenting and glossing `article`; `gloss-seed-x2`: the article twice over, the ≈ 33,000 characters
 * the issue budgets for (the seed article itself has about 16,500).
 */
export async function benchGloss(article: string, root = BUILT_EXTENSION): Promise<GlossBenchRecord[]> {
  if (!existsSync(join(root, WORD_INDEX_ASSET_PATH))) {
    const error = `no dictionary in ${root} (build first)`;
    const benches = ['dictionary-ready', 'gloss-seed', 'gloss-seed-x2', 'gloss-gold', 'segmentation-f1'] as const;
    return benches.map((bench) => ({ bench, error }));
  }
  // Memory first, before timed runs leave dictionaries behind for the collector.
  const gc = exposeGc();
  const before = retainedBytes(gc);
  const index = loadWordIndexFile(root);
  const indexReady = retainedBytes(gc);
  glossText(article, index);
  const afterGloss = retainedBytes(gc);
  const full = loadDictionaryFiles(root);
  const fullReady = retainedBytes(gc);
  const mb = (bytes: number) => Number((bytes / MB).toFixed(2));
  const record = { bench: 'dictionary-ready', where: 'node', runs: READY_RUNS } as const;
  return [
    {
      ...record,
      part: 'word-index',
      size: index.keyCount,
      median_ms: medianMs(READY_RUNS, () => elapsed(() => loadWordIndexFile(root))),
      heap_mb: mb(indexReady - before),
      heap_after_gloss_mb: mb(afterGloss - before),
    },
    {
      ...record,
      part: 'dictionary',
      size: full.dict.entryCount,
      median_ms: medianMs(READY_RUNS, () => elapsed(() => loadDictionaryFiles(root))),
      // The second word index is the dictionary's own; the first one, kept alive above, is not counted.
      heap_mb: mb(fullReady - afterGloss),
    },
    benchGlossText('gloss-seed', article, root),
    benchGlossText('gloss-seed-x2', `${article}\n${article}`, root),
    benchGlossGold(index),
    benchSegmentationF1(index),
  ];
}
