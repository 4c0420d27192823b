/**
 * Import benchmark: a W3C AnnotationCollection whose annotations come one per embedded page, each page nesting the
 * next (`next`), at 25,000, 50,000 and 100,000 pages, parsed as an import parses it. Gathering the pages is linear,
 * so the time per page stays flat as the chain grows (it was quadratic when each page's items were concatenated).
 */
import { parseImport } from '../../lib/core/formats/import/parse-import';
import { medianTime } from './timing';

const CHAIN_LENGTHS = [25_000, 50_000, 100_000];
const REPEATS = { minRuns: 3, minTotalMs: 0, maxRuns: 3 };

/** One benchmark figure. */
export interface ImportPagesRecord {
  bench: 'import-w3c-chained-pages';
  pages: number;
  bytes: number;
  annotations: number;
  median_ms: number;
  us_per_page: number;
}

/** The collection's JSON, built as text (a structure this deep is beyond a recursive JSON.stringify). */
function chainedCollection(pages: number): string {
  const item =
    '{"type":"Annotation","target":{"source":"https://www.163.com/dy/article/KJ8S2N1V0556A7ZQ.html",' +
    '"selector":{"type":"TextQuoteSelector","exact":"大飞机","prefix":"国产","suffix":"交付"}}}';
  const open = `{"type":"AnnotationPage","items":[${item}],"next":`;
  const last = `{"type":"AnnotationPage","items":[${item}]}`;
  return `{"type":"AnnotationCollection","first":${open.repeat(pages - 1)}${last}${'}'.repeat(pages - 1)}}`;
}

/** Times the parse of each chain. */
export function benchImportPages(): ImportPagesRecord[] {
  return CHAIN_LENGTHS.map((pages) => {
    const text = chainedCollection(pages);
    const { medianMs, result } = medianTime(() => parseImport(text, { now: 0 }), REPEATS);
    return {
      bench: 'import-w3c-chained-pages',
      pages,
      bytes: text.length,
      annotations: result.ok ? result.value.annotations.length : 0,
      median_ms: Number(medianMs.toFixed(1)),
      us_per_page: Number(((medianMs * 1000) / pages).toFixed(2)),
    };
  });
}
