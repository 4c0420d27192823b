/**
 * The dictionary inside Chromium, where readers meet it: a new profile each run (nothing loaded, nothing cached),
 * the desktop article open for a second, then the reader's first Alt+G ever (the background loads the word index)
 * and their first translation popover (it loads the entries too). Times come from the background's own measures
 * (`lib/background/gloss/load-dictionary.ts`), memory from the service worker's heap and array buffers after a collection.
 */
import type { BrowserContext, Worker } from 'playwright-core';
import { startFixtureServer } from '../fixture-server';
import { launchWithExtension } from '../launch-browser';
import { openArticle, pressAndMeasure } from './gloss-toggle';
import { connectServiceWorker, type WorkerHeap } from './service-worker-heap';
import { median } from './timing';

const RUNS = 5;
const MEMORY_RUNS = 3;
/** The reader looks at the article before pressing: the press comes this long after it has loaded. */
const LOOK_MS = 1_000;
const MB = 1024 * 1024;

/** One figure, printed as a JSON line. */
export type DictionaryBrowserRecord =
  | {
      bench: 'dictionary-ready';
      where: 'browser';
      /**
       * `word-index`: loaded by the first gloss; `dictionary`: the whole dictionary for the first popover, whose wait
       * is then the entries alone (the word index is loaded already, as for a reader who glossed first). In Node
       * (`gloss.ts`) both parts are timed from nothing.
       */
      part: 'word-index' | 'dictionary';
      runs: number;
      median_ms: number;
      /** What the background holds beyond its start-up state afterwards: JS heap plus array buffers. */
      heap_mb: number;
    }
  | { bench: 'gloss-toggle'; toggle: 'on-cold'; runs: number; median_ms: number };

/** What one new profile gives: times (`timed`) or memory (`measured`, a separate run: reading the heap collects
 * garbage in the worker, which would slow what comes after it). */
interface ColdRun {
  press: number;
  wordIndex: number;
  dictionary: number;
}

const total = ({ heap, buffers }: WorkerHeap) => heap + buffers;

/** Duration of the background's `name` measure. */
const measureOf = (worker: Worker, name: string) =>
  worker.evaluate((n) => performance.getEntriesByName(n)[0]?.duration ?? NaN, name);

/** Asks for the words of a passage from an extension page, as the translation popover does through its tab. */
async function firstWordsRequest(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dictionary/LICENSE-CC-CEDICT.txt`);
  const answer = await page.evaluate(async () => {
    const { runtime } = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    return (await runtime.sendMessage({ type: 'translate/words', payload: { text: '杠桿很長' } })) as { ok: boolean };
  });
  await page.close();
  if (!answer.ok) throw new Error(`translate/words was refused: ${JSON.stringify(answer)}`);
}

/**
 * One reader's first gloss and first popover on a new profile: milliseconds (the press from the page's measure, the
 * loads from the background's), or with `memory`, the bytes the background holds after each beyond its state before.
 */
async function coldRun(port: number, memory: boolean): Promise<ColdRun> {
  const { context, extensionId, worker } = await launchWithExtension({ port });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openArticle(page);
    await page.waitForTimeout(LOOK_MS);
    const background = memory ? await connectServiceWorker(context) : null;
    const start = await background?.heap();
    const press = await pressAndMeasure(page, 'nea:gloss-on');
    // The rest of the article is glossed before the popover is asked for, so the two loads do not overlap.
    await page.waitForFunction(() => performance.getEntriesByName('nea:gloss-complete').length > 0, null, { timeout: 30_000 });
    const afterGloss = await background?.heap();
    await firstWordsRequest(context, extensionId);
    const afterPopover = await background?.heap();
    await background?.close();
    if (start && afterGloss && afterPopover) {
      return { press: NaN, wordIndex: total(afterGloss) - total(start), dictionary: total(afterPopover) - total(start) };
    }
    return {
      press,
      wordIndex: await measureOf(worker, 'nea:word-index-ready'),
      dictionary: await measureOf(worker, 'nea:dictionary-ready'),
    };
  } finally {
    await context.close();
  }
}

/** Measures the dictionary in Chromium over `RUNS` new profiles; one record per figure. */
export async function benchDictionaryInBrowser(): Promise<DictionaryBrowserRecord[]> {
  const server = await startFixtureServer();
  try {
    const timed: ColdRun[] = [];
    const measured: ColdRun[] = [];
    for (let i = 0; i < RUNS; i++) timed.push(await coldRun(server.port, false));
    for (let i = 0; i < MEMORY_RUNS; i++) measured.push(await coldRun(server.port, true));
    const ms = (pick: (run: ColdRun) => number) => Number(median(timed.map(pick)).toFixed(2));
    const mb = (pick: (run: ColdRun) => number) => Number((median(measured.map(pick)) / MB).toFixed(2));
    const ready = { bench: 'dictionary-ready', where: 'browser', runs: RUNS } as const;
    return [
      { ...ready, part: 'word-index', median_ms: ms((r) => r.wordIndex), heap_mb: mb((r) => r.wordIndex) },
      { ...ready, part: 'dictionary', median_ms: ms((r) => r.dictionary), heap_mb: mb((r) => r.dictionary) },
      { bench: 'gloss-toggle', toggle: 'on-cold', runs: RUNS, median_ms: ms((r) => r.press) },
    ];
  } finally {
    await server.close();
  }
}
