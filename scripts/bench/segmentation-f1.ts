/**
 * Segmentation measured against a public segmented corpus: the Universal Dependencies Chinese GSD treebank
 * (Traditional Chinese Wikipedia text, CC BY-SA 4.0), whose files are third-party and so are not in this repository:
 * they are read from `../shared/ud-chinese-gsd/` beside the repository root (see `tests/fixtures/gloss/SHARED-FILES.md`),
 * or from the folder `SEGMENTATION_CORPUS_DIR` names.
 *
 * Scored as the SIGHAN bakeoffs score: precision, recall and F1 of word spans. Only words of Chinese characters
 * count, on both sides: the gloss leaves digits, Latin words and punctuation to the page, and cuts them differently
 * from the treebank on purpose.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder the treebank's files are read from. */
export function corpusDirectory(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  return process.env.SEGMENTATION_CORPUS_DIR ?? join(root, '../shared/ud-chinese-gsd');
}

/** A treebank file's path, or undefined (with the reason) when it is not there. */
export function corpusFile(name: string): { path: string } | { missing: string } {
  const path = join(corpusDirectory(), name);
  return existsSync(path)
    ? { path }
    : { missing: `${name} not found in ${corpusDirectory()} (see tests/fixtures/gloss/SHARED-FILES.md)` };
}

/** A sentence of the treebank: its text and its words. */
export interface SegmentedSentence {
  text: string;
  words: string[];
}

/** The sentences of a CoNLL-U file (multiword-token ranges and empty nodes are not words of the text). */
export function parseConllu(text: string): SegmentedSentence[] {
  const sentences: SegmentedSentence[] = [];
  let current: SegmentedSentence | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('# text = ')) current = { text: line.slice('# text = '.length), words: [] };
    else if (line.trim() === '') {
      if (current) sentences.push(current);
      current = undefined;
    } else if (current && !line.startsWith('#')) {
      const [id, form] = line.split('\t');
      if (/^\d+$/.test(id)) current.words.push(form);
    }
  }
  if (current) sentences.push(current);
  return sentences;
}

/** All Chinese characters (the ranges `chinese-runs.ts` treats as Chinese, without the rare extensions). */
const ALL_HAN_RE = /^[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;

/** `[start, end)` spans of the Chinese words among `words`, which run through the text in order. */
function chineseSpans(words: readonly string[]): Set<string> {
  const spans = new Set<string>();
  let at = 0;
  for (const word of words) {
    if (ALL_HAN_RE.test(word)) spans.add(`${at}:${at + word.length}`);
    at += word.length;
  }
  return spans;
}

/** Counts for precision and recall, added up over sentences. */
export interface SpanCounts {
  gold: number;
  predicted: number;
  correct: number;
}

/** Adds one sentence's counts: `predicted` must cover the same text as `gold` (the sentence without spaces). */
export function countSpans(totals: SpanCounts, gold: readonly string[], predicted: readonly string[]): void {
  const goldSpans = chineseSpans(gold);
  const predictedSpans = chineseSpans(predicted);
  totals.gold += goldSpans.size;
  totals.predicted += predictedSpans.size;
  for (const span of predictedSpans) if (goldSpans.has(span)) totals.correct++;
}

/** Precision, recall and F1 in per cent, one decimal. */
export function f1Scores({ gold, predicted, correct }: SpanCounts): { precision: number; recall: number; f1: number } {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const pct = (x: number) => Number((100 * x).toFixed(1));
  return { precision: pct(precision), recall: pct(recall), f1: pct(f1) };
}

/** Scores `segmenter` (text in, words out) on every sentence of a treebank file. */
export function scoreSegmenter(sentences: readonly SegmentedSentence[], segmenter: (text: string) => string[]) {
  const totals: SpanCounts = { gold: 0, predicted: 0, correct: 0 };
  for (const { words } of sentences) {
    // The treebank's text has spaces between some Latin words that its words do not; segment the words' text.
    countSpans(totals, words, segmenter(words.join('')));
  }
  return { sentences: sentences.length, words: totals.gold, ...f1Scores(totals) };
}

/** A treebank file's sentences, or why it cannot be read. */
export function loadCorpus(name: string): { sentences: SegmentedSentence[] } | { missing: string } {
  const file = corpusFile(name);
  return 'missing' in file ? file : { sentences: parseConllu(readFileSync(file.path, 'utf8')) };
}
