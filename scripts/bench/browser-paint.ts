/**
 * In-browser figures: 500 highlights on the seed article painted after the article is found, and the main-thread
 * work of re-anchoring after one burst of DOM mutations. Real Chromium with the built extension; the content script
 * records both as `performance.measure` entries (`nea:load-and-paint`, `nea:reanchor`), which this reads.
 */
import { Window } from 'happy-dom';
import { buildTextIndex } from '../../lib/core/anchoring/text-index';
import { describeSpan } from '../../lib/core/anchoring/describe';
import { isNonArticleElement } from '../../lib/core/netease/non-article-content';
import { findArticle } from '../../lib/core/netease/find-article';
import { HIGHLIGHT_COLORS, type AnnotationTarget } from '../../lib/core/model/annotation';
import { DESKTOP_URL, fixtureHtml, startFixtureServer } from '../fixture-server';
import { activeTabId } from '../reader-actions';
import { launchWithExtension } from '../launch-browser';
import { createPrng } from './prng';
import { median } from './timing';

const HIGHLIGHTS = 500;
const RUNS = 7;

/** 500 targets over the desktop fixture's article text, spread through it, described as the content script would. */
function targetsOnFixture(): { article: ReturnType<typeof findArticle>; targets: AnnotationTarget[] } {
  const window = new Window({ url: DESKTOP_URL });
  Object.assign(globalThis, { Node: window.Node });
  window.document.write(fixtureHtml('dy-desktop'));
  const article = findArticle(window.document as unknown as Document, DESKTOP_URL)!;
  const { text } = buildTextIndex(article.root, isNonArticleElement);
  const random = createPrng(500);
  const targets: AnnotationTarget[] = [];
  while (targets.length < HIGHLIGHTS) {
    const start = random.int(0, text.length - 40);
    const target = describeSpan(text, start, start + random.int(4, 34));
    if (target) targets.push(target);
  }
  return { article, targets };
}

/** Measures painting and re-anchoring in Chromium; returns bench records. */
export async function benchBrowserPaint(): Promise<Record<string, unknown>[]> {
  const { article, targets } = targetsOnFixture();
  const server = await startFixtureServer();
  const { context, extensionId, worker } = await launchWithExtension({ port: server.port });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(DESKTOP_URL);
    const tabId = await activeTabId(worker);
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    const created = await extensionPage.evaluate(
      async ({ meta, targets, colors }) => {
        const { runtime } = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
        let ok = 0;
        for (const [i, target] of targets.entries()) {
          const annotation = { color: colors[i % colors.length], note: i % 5 ? '' : `note ${i}`, tags: [], target };
          const result = (await runtime.sendMessage({ type: 'annotations/create', payload: { article: meta, annotation } })) as {
            ok: boolean;
          };
          if (result.ok) ok++;
        }
        return ok;
      },
      { meta: article!.meta, targets, colors: [...HIGHLIGHT_COLORS] },
    );
    await extensionPage.close();

    const paints: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.reload();
      const entry = await page.waitForFunction(() => {
        const [m] = performance.getEntriesByName('nea:load-and-paint') as PerformanceMeasure[];
        return m && { duration: m.duration, count: (m.detail as { count: number }).count };
      });
      paints.push((await entry.jsonValue()).duration);
    }

    const bursts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const duration = await page.evaluate(async (run) => {
        const before = performance.getEntriesByName('nea:reanchor').length;
        const p = document.createElement('p');
        p.textContent = `插入的段落 ${run}：編輯修改了文章。`;
        const body = document.querySelector('.post_body')!;
        body.insertBefore(p, body.children[Math.min(3 + run, body.children.length - 1)]);
        for (let waited = 0; waited < 5000; waited += 50) {
          await new Promise((r) => setTimeout(r, 50));
          const entries = performance.getEntriesByName('nea:reanchor');
          if (entries.length > before) return entries[entries.length - 1].duration;
        }
        return null;
      }, run);
      if (duration !== null) bursts.push(duration);
    }
    const painted = await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
    return [
      { bench: 'browser-paint', highlights: created, painted, median_ms: Number(median(paints).toFixed(2)), runs: RUNS },
      { bench: 'browser-mutation-burst', highlights: created, median_ms: Number(median(bursts).toFixed(2)), runs: bursts.length },
    ];
  } finally {
    await context.close();
    await server.close();
  }
}
