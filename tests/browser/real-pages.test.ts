/**
 * Highlighting on real NetEase pages as a reader does it, in Chromium with the built extension, with the page's own
 * scripts blocked (a Content-Security-Policy of `script-src 'none'`, which content scripts are not subject to): a
 * sample of the real-page corpus (tests/fixtures/real/sources.json, pages read from ../shared/fixtures/real/ or
 * NEA_REAL_PAGES, skipped without them), each served at its real URL: select a sentence, Alt+H, reload, still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FIXTURE_HOSTS, startFixtureServer } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import { dragSelect, paintedHighlights } from '../../scripts/reader-actions';
import { REAL_PAGES, corpusSkipReason, readRealPage } from '../fixtures/real/corpus';

const skipReason = corpusSkipReason();
if (skipReason) console.warn(skipReason);

/** The sampled pages: one of each template, a sentence of each, and the element holding it. */
const SAMPLE = [
  { file: 'dy-desktop-1.html', body: '.post_body', quote: '一闸之隔，进入道闸里面每月要收150元' },
  // the 2019 网易号 template at its current address
  {
    file: 'dy-v2-2019.html',
    body: '#content',
    quote: '京沪高速施工就将进入第二阶段',
    url: 'http://www.163.com/dy/article/EFDAIN1E054550F0.html',
  },
  { file: 'legacy-2019-8.html', body: '#endText', quote: '国务院联防联控机制印发《关于进一步落实分区分级差异化防控策略的通知》' },
  { file: 'legacy-2015-41.html', body: '#endText', quote: '证监会将相应减少IPO发行家数和筹资金额' },
];

/** The page as served: its scripts refused by a CSP put first in its head. */
const withoutScripts = (html: string) =>
  html.replace(/<head[^>]*>/i, (head) => `${head}<meta http-equiv="Content-Security-Policy" content="script-src 'none'">`);

/** Scrolls the innermost element under `body` holding `quote` into the middle of the window, so a drag over it is on screen. */
async function scrollToQuote(target: Page, body: string, quote: string) {
  await target.evaluate(
    ({ body, quote }) => {
      let holder = document.querySelector(body)!;
      for (let inner = holder; inner;) {
        holder = inner;
        inner = [...holder.children].find((child) => child.textContent?.includes(quote))!;
      }
      holder.scrollIntoView({ block: 'center' });
    },
    { body, quote },
  );
}

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (skipReason) return;
  server = await startFixtureServer();
  ({ context } = await launchWithExtension({ port: server.port }));
  page = context.pages()[0] ?? (await context.newPage());
  // The pages' images, styles and scripts live on NetEase's static hosts, out of reach here: refuse them at once.
  await context.route(
    (url) => url.protocol.startsWith('http') && !FIXTURE_HOSTS.includes(url.hostname),
    (route) => route.abort(),
  );
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe.skipIf(skipReason !== null)('highlighting on real NetEase pages, their scripts blocked', () => {
  it.each(SAMPLE)('$file: Alt+H highlights a sentence, found again after a reload', async ({ file, body, quote, url }) => {
    const real = REAL_PAGES.find((p) => p.file === file)!;
    const address = new URL(url ?? real.url.replace(/^https:/, 'http:'));
    server.setPage(`${address.host}${address.pathname}`, withoutScripts(readRealPage(real)));
    const scriptErrors: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && scriptErrors.push(m.text()));
    await page.goto(address.href);
    await page.waitForSelector('nea-annotator', { state: 'attached' });
    await scrollToQuote(page, body, quote);
    expect(await dragSelect(page, body, quote)).toBe(quote);
    await page.keyboard.press('Alt+H');
    const painted = async () => Object.values(await paintedHighlights(page)).flat();
    await expect.poll(painted, { timeout: 10_000 }).toEqual([quote]);
    await page.reload();
    await page.waitForSelector('nea-annotator', { state: 'attached' });
    await expect.poll(painted, { timeout: 10_000 }).toEqual([quote]);
    // The page's own scripts were refused: what ran was the extension alone.
    expect(scriptErrors.length).toBeGreaterThan(0);
    page.removeAllListeners('console');
  });
});
