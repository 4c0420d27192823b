/**
 * In-browser figures of the gloss switch on the desktop fixture: real Chromium with the built extension, Alt+G
 * pressed as a reader does. The content script measures each toggle from the key press to just after the next frame
 * (`nea:gloss-on`: the text on screen glossed and painted; `nea:gloss-off`: the article back to plain text) and the
 * whole article glossed (`nea:gloss-complete`, a few hundred words per frame after the first); this reads them. Also
 * the background's answer to one `gloss/text` request holding the whole article, timed from an extension page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { buildTextIndex } from '../../lib/core/anchoring/text-index';
import { findArticle } from '../../lib/core/netease/find-article';
import { isNonArticleElement } from '../../lib/core/netease/non-article-content';
import { DESKTOP_URL, fixtureHtml, startFixtureServer } from '../fixture-server';
import { launchWithExtension } from '../launch-browser';
import { median } from './timing';

const RUNS = 9;
/** Browser restarts timed (each starts Chromium anew, so fewer). */
const RESTART_RUNS = 3;

/** One figure: a kind of toggle (or the background request) and its median time. */
export type GlossToggleRecord =
  | {
      bench: 'gloss-toggle';
      /**
       * `on-cold` is measured by `dictionary-browser.ts`; `on-restart`: the first press after a browser restart by a reader who used the gloss before (the
       * page fetched its glosses while idle); `on-first`: the first press on a newly opened article; `on`, `off`:
       * later presses; `complete`: the whole article glossed, from the first press on a page.
       */
      toggle: 'on-restart' | 'on-first' | 'on' | 'off' | 'complete';
      runs: number;
      median_ms: number;
    }
  | { bench: 'gloss-text-message'; texts: number; chars: number; runs: number; median_ms: number };

/** Presses Alt+G and resolves with the duration of the next `name` measure the page records. */
export async function pressAndMeasure(page: Page, name: string): Promise<number> {
  const before = await page.evaluate((n) => performance.getEntriesByName(n).length, name);
  await page.keyboard.press('Alt+G');
  const handle = await page.waitForFunction(
    ([n, b]) => {
      const entries = performance.getEntriesByName(n as string);
      return entries.length > (b as number) && entries[entries.length - 1].duration;
    },
    [name, before],
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Opens the desktop article and waits until the annotator has loaded. */
export async function openArticle(page: Page): Promise<void> {
  await page.goto(DESKTOP_URL);
  await page.waitForFunction(() => performance.getEntriesByName('nea:load-and-paint').length > 0, null, { timeout: 30_000 });
}

/** The desktop fixture's article passages (its indexed Text nodes), as the content script sends them. */
function articlePassages(): string[] {
  const window = new Window({ url: DESKTOP_URL });
  Object.assign(globalThis, { Node: window.Node });
  window.document.write(fixtureHtml('dy-desktop'));
  const article = findArticle(window.document as unknown as Document, DESKTOP_URL)!;
  return buildTextIndex(article.root, isNonArticleElement).nodes.map((node) => node.data);
}

const round = (ms: number) => Number(ms.toFixed(2));

/** Time for the page to fetch its glosses while idle after a browser restart (the background loads its dictionary). */
const IDLE_PREFETCH_MS = 2_000;

/**
 * The first press after a browser restart on the profile in `userDataDir`, where the reader used the gloss before
 * (and left it off: it is turned off again after the press, for the next restart).
 */
async function firstPressAfterRestart(port: number, userDataDir: string): Promise<number> {
  const { context } = await launchWithExtension({ port, userDataDir });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openArticle(page);
    await page.waitForTimeout(IDLE_PREFETCH_MS);
    const press = await pressAndMeasure(page, 'nea:gloss-on');
    await pressAndMeasure(page, 'nea:gloss-off');
    return press;
  } finally {
    await context.close();
  }
}

/** Times from the first browser session: the toggles, the whole article, and the `gloss/text` request. */
interface SessionTimes {
  first: number[];
  complete: number[];
  on: number[];
  off: number[];
  requests: number[];
}

/** The reader's first session on a new profile in `userDataDir`: every figure but the one after a restart. */
async function firstSession(port: number, userDataDir: string, passages: string[]): Promise<SessionTimes> {
  const { context, extensionId } = await launchWithExtension({ port, userDataDir });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openArticle(page);
    // The first press ever loads the dictionary (timed over new profiles in `dictionary-browser.ts`).
    await pressAndMeasure(page, 'nea:gloss-on');
    await pressAndMeasure(page, 'nea:gloss-off');

    const first: number[] = [];
    const complete: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await openArticle(page);
      first.push(await pressAndMeasure(page, 'nea:gloss-on'));
      await page.waitForFunction(() => performance.getEntriesByName('nea:gloss-complete').length > 0, null, { timeout: 30_000 });
      complete.push(await page.evaluate(() => performance.getEntriesByName('nea:gloss-complete')[0].duration));
      await pressAndMeasure(page, 'nea:gloss-off');
    }

    const on: number[] = [];
    const off: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      on.push(await pressAndMeasure(page, 'nea:gloss-on'));
      off.push(await pressAndMeasure(page, 'nea:gloss-off'));
    }

    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
    const requests = await extensionPage.evaluate(
      async ({ texts, runs }) => {
        const { runtime } = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
        const times: number[] = [];
        for (let run = 0; run <= runs; run++) {
          const t0 = performance.now();
          await runtime.sendMessage({ type: 'gloss/text', payload: { texts } });
          times.push(performance.now() - t0);
        }
        return times.slice(1);
      },
      { texts: passages, runs: RUNS },
    );
    return { first, complete, on, off, requests };
  } finally {
    await context.close();
  }
}

/** Measures the gloss switch in Chromium; returns one record per figure. */
export async function benchGlossToggle(): Promise<GlossToggleRecord[]> {
  const passages = articlePassages();
  const server = await startFixtureServer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'nea-gloss-bench-'));
  try {
    const { first, complete, on, off, requests } = await firstSession(server.port, userDataDir, passages);
    const restarts: number[] = [];
    for (let run = 0; run < RESTART_RUNS; run++) restarts.push(await firstPressAfterRestart(server.port, userDataDir));
    const record = (toggle: Extract<GlossToggleRecord, { bench: 'gloss-toggle' }>['toggle'], times: number[]) =>
      ({ bench: 'gloss-toggle', toggle, runs: times.length, median_ms: round(median(times)) }) as const;
    return [
      record('on-restart', restarts),
      record('on-first', first),
      record('on', on),
      record('off', off),
      record('complete', complete),
      {
        bench: 'gloss-text-message',
        texts: passages.length,
        chars: passages.reduce((n, p) => n + p.length, 0),
        runs: requests.length,
        median_ms: round(median(requests)),
      },
    ];
  } finally {
    await server.close();
  }
}
