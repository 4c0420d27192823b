/**
 * Export benchmark: a library of 10,000 annotations (quotes drawn from the seed article, 50 per article, a third with
 * notes, some tags, every colour) exported in each format. The requirement is at most 1 s per format.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HIGHLIGHT_COLORS, type ArticleRecord } from '../../lib/core/model/annotation';
import type { ExportAnnotation, ExportData } from '../../lib/core/formats/export/export-data';
import { exportFile } from '../../lib/core/formats/export/export-file';
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/core/model/exchange';
import { createPrng, type Prng } from './prng';
import { generateQuotes } from './quotes';
import { medianTime } from './timing';

/** Annotations in the benchmark library. */
export const EXPORT_BENCH_ANNOTATIONS = 10_000;
const PER_ARTICLE = 50;
const SEED = 20260601;
const REPEATS = { minRuns: 7, minTotalMs: 300, maxRuns: 50 };
const TAGS = ['航空', '科技', '经济', 'AI', '待读', '重要', 'C919 program'];
const T0 = Date.UTC(2026, 0, 1);

/** One benchmark figure. */
export interface ExportBenchRecord {
  bench: 'export';
  format: ExportFormat;
  annotations: number;
  median_ms: number;
}

/** A 16-character article ID for article number `n`. */
const articleId = (n: number): string => `BENCH${String(n).padStart(11, '0')}`;

/** A deterministic library of `count` annotations over `count / PER_ARTICLE` articles of `text`. */
function generateLibrary(text: string, count: number, prng: Prng): ExportData {
  const quotes = generateQuotes(text, count, prng);
  const articles: ArticleRecord[] = [];
  const annotations: ExportAnnotation[] = quotes.map((quote, i) => {
    const article = Math.floor(i / PER_ARTICLE);
    if (i % PER_ARTICLE === 0) {
      articles.push({
        id: articleId(article),
        title: text.slice(article * 7, article * 7 + 20),
        source: '网易号',
        publishedAt: '2026-01-18T10:00:00+08:00',
        url: `https://www.163.com/dy/article/${articleId(article)}.html`,
        updatedAt: T0,
      });
    }
    const noteStart = prng.int(0, text.length - 60);
    const time = T0 + i * 1000;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      articleId: articleId(article),
      color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length],
      note: i % 3 === 0 ? text.slice(noteStart, noteStart + prng.int(5, 60)) : '',
      tags: TAGS.filter(() => prng.next() < 0.15),
      target: quote.target,
      createdAt: time,
      updatedAt: time,
      deletedAt: null,
    };
  });
  return { annotations, articles };
}

/** Times `exportFile` of the benchmark library in every format; one record per format. */
export async function benchExport(): Promise<ExportBenchRecord[]> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  const text = await readFile(join(root, 'tests/fixtures/netease/seed-article.txt'), 'utf8');
  const data = generateLibrary(text, EXPORT_BENCH_ANNOTATIONS, createPrng(SEED));
  return EXPORT_FORMATS.map((format) => {
    const { medianMs } = medianTime(() => exportFile(format, data, { kind: 'all' }), REPEATS);
    return { bench: 'export', format, annotations: data.annotations.length, median_ms: Number(medianMs.toFixed(3)) };
  });
}
