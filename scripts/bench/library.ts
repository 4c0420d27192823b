/**
 * In-browser figures for the annotation library, with 10,000 annotations over 500 articles seeded straight into the
 * extension's database (one bulk put from an extension page): the popup's first render of its "All" list, the
 * library's first render, the work of one search keystroke (input event → filtered list rendered and laid out), and
 * one scroll step of the windowed list. Real Chromium with the built extension.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../launch-browser';
import { startFixtureServer } from '../fixture-server';
import { libraryRecords } from './library-seed';
import { median } from './timing';

const ARTICLES = 500;
const PER_ARTICLE = 20;
const RUNS = 7;
/** What a reader types, one value per keystroke: Chinese (one input-method commit per character), English, mixed. */
const KEYSTROKES = [
  '马',
  '马斯',
  '马斯克',
  '',
  '工',
  '工程',
  '',
  'f',
  'fi',
  'fir',
  'firs',
  'first',
  'first ',
  'first p',
  '',
  'x',
  'xa',
  'xai',
  'xai 值',
  '',
];

/** Puts the records into the extension's database from one of its pages, in one transaction. */
async function seed(page: Page, records: ReturnType<typeof libraryRecords>): Promise<void> {
  await page.evaluate(async ({ annotations, articles }) => {
    const request = indexedDB.open('netease-annotator');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['annotations', 'articles'], 'readwrite');
    for (const a of annotations) tx.objectStore('annotations').put(a);
    for (const a of articles) tx.objectStore('articles').put(a);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

/** Milliseconds from navigation start to the first library row on screen, recorded by an init script. */
const FIRST_ROW_SCRIPT = () => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.library-row')) return;
    (window as unknown as { __firstRow: number }).__firstRow = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
};

/** Per keystroke: set the search field's value, fire `input`, and time until the list is rendered and laid out. */
function timeKeystrokes(page: Page): Promise<{ times: number[]; counts: string[] }> {
  return page.evaluate(async (values) => {
    const input = document.querySelector<HTMLInputElement>('.library-search')!;
    const times: number[] = [];
    const counts: string[] = [];
    for (const value of values) {
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      void document.body.offsetHeight;
      times.push(performance.now() - t0);
      counts.push(document.querySelector('.result-count')?.textContent ?? '');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { times, counts };
  }, KEYSTROKES);
}

/** Per step: scroll the list by most of a screen and time until the rows in view are rendered and laid out. */
function timeScrollSteps(page: Page): Promise<{ times: number[]; rowsInDom: number }> {
  return page.evaluate(async () => {
    const list = document.querySelector<HTMLElement>('.virtual-list')!;
    const times: number[] = [];
    for (let step = 0; step < 40; step++) {
      const t0 = performance.now();
      list.scrollTop += 700;
      list.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, 0));
      void document.body.offsetHeight;
      times.push(performance.now() - t0);
    }
    return { times, rowsInDom: document.querySelectorAll('.library-row').length };
  });
}

/** Seeds the library and measures it; returns bench records. */
export async function benchLibrary(): Promise<Record<string, unknown>[]> {
  const records = libraryRecords(ARTICLES, PER_ARTICLE);
  const server = await startFixtureServer();
  const { context, extensionId } = await launchWithExtension({ port: server.port });
  const base = `chrome-extension://${extensionId}`;
  try {
    const page = await context.newPage();
    // Opening the library creates the database; then the bulk put, then a fresh load reads it.
    await page.goto(`${base}/library.html`);
    await page.waitForSelector('.library-search');
    await seed(page, records);
    const annotations = records.annotations.length;

    const popupTimes: number[] = [];
    const countedTimes: number[] = [];
    let rowsInDom = 0;
    for (let run = 0; run < RUNS; run++) {
      const popup = await context.newPage();
      await popup.goto(`${base}/popup.html`);
      const mark = (name: string) =>
        popup.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime ?? 0, name).then((h) => h.jsonValue());
      popupTimes.push(await mark('nea:popup-all-rendered'));
      countedTimes.push(await mark('nea:popup-all-counted'));
      rowsInDom = await popup.locator('.article-item').count();
      await popup.close();
    }

    await page.addInitScript(FIRST_ROW_SCRIPT);
    const loadTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.reload();
      const first = await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow ?? 0);
      loadTimes.push(await first.jsonValue());
    }
    await page.bringToFront();
    const keystrokes = await timeKeystrokes(page);
    const scroll = await timeScrollSteps(page);

    const ms = (values: number[]) => Number(median(values).toFixed(2));
    return [
      {
        bench: 'popup-first-render',
        annotations,
        articles: ARTICLES,
        rows_in_dom: rowsInDom,
        median_ms: ms(popupTimes),
        runs: RUNS,
      },
      { bench: 'popup-counts-rendered', annotations, median_ms: ms(countedTimes), runs: RUNS },
      { bench: 'library-first-render', annotations, median_ms: ms(loadTimes), runs: RUNS },
      {
        bench: 'library-search-keystroke',
        annotations,
        median_ms: ms(keystrokes.times),
        max_ms: Number(Math.max(...keystrokes.times).toFixed(2)),
        runs: keystrokes.times.length,
        results: keystrokes.counts[2],
      },
      {
        bench: 'library-scroll-step',
        annotations,
        median_ms: ms(scroll.times),
        rows_in_dom: scroll.rowsInDom,
        runs: scroll.times.length,
      },
    ];
  } finally {
    await context.close();
    await server.close();
  }
}
