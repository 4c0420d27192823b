/**
 * Live pages change under the reader: scripts inject ads, re-render or replace the body, fill it late, append the next
 * article. Highlights must stay on their words through all of it, with no duplicates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startFixtureServer, DESKTOP_URL, MOBILE_URL, SAMPLE_ID, fixtureHtml } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import { dragSelect, paintedHighlights, scrollToElement } from '../../scripts/reader-actions';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let context: BrowserContext;
let page: Page;

const P1 = '[id="004FXQVR"]';
const QUOTE = '一切都應(yīng)該是“昨天就完成”';

const painted = async (target = page) => Object.values(await paintedHighlights(target)).flat();

async function expectOnlyQuotePainted(target = page) {
  await expect.poll(() => painted(target), { timeout: 10_000 }).toEqual([QUOTE]);
}

/** How many times the page has re-anchored, from the content script's performance measures. */
const reanchorCount = (target = page) => target.evaluate(() => performance.getEntriesByName('nea:reanchor').length);

beforeAll(async () => {
  server = await startFixtureServer();
  ({ context } = await launchWithExtension({ port: server.port }));
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DESKTOP_URL);
  await page.waitForSelector('nea-annotator', { state: 'attached' });
  await scrollToElement(page, P1);
  await dragSelect(page, P1, QUOTE);
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await page.waitForFunction(() => CSS.highlights.has('nea-yellow'));
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('pages that change after load', () => {
  it('does nothing while the page does not change the article, and ignores ads injected into the body', async () => {
    await page.waitForTimeout(400);
    const before = await reanchorCount();
    await page.evaluate(() => {
      const ad = document.createElement('div');
      ad.className = 'post_area';
      ad.setAttribute('data-adid', 'article_dy_inner');
      ad.textContent = '广告 一切都應(yīng)該是“昨天就完成” 广告';
      document.querySelector('.post_body')!.prepend(ad);
      // A lazy image loading is an attribute change only.
      document.querySelector('.post_body img')?.setAttribute('src', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=');
    });
    await page.waitForTimeout(600);
    expect(await reanchorCount()).toBe(before);
    await expectOnlyQuotePainted();
  });

  it('re-anchors when scripts re-render the body with the same text', async () => {
    const before = await reanchorCount();
    await page.evaluate(() => {
      const body = document.querySelector('.post_body')!;
      body.innerHTML = body.innerHTML; // every node replaced
    });
    await expect.poll(() => reanchorCount()).toBe(before + 1);
    await expectOnlyQuotePainted();
  });

  it('re-anchors when a paragraph is inserted and when the whole body element is replaced', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '編者按：本文在發布後有所修訂，這一段是新加的。';
      document.querySelector('.post_body')!.prepend(p);
    });
    await expectOnlyQuotePainted();
    await page.evaluate(() => {
      const body = document.querySelector('.post_body')!;
      body.replaceWith(body.cloneNode(true));
    });
    await page.waitForTimeout(500);
    await expectOnlyQuotePainted();
    const range = await page.evaluate(() => {
      const [first] = [...CSS.highlights.get('nea-yellow')!] as Range[];
      return first.startContainer.isConnected;
    });
    expect(range).toBe(true);
  });

  it('finds an article whose body is filled only after load', async () => {
    const html = fixtureHtml('dy-desktop');
    const start = html.indexOf('<div class="post_body">') + '<div class="post_body">'.length;
    const end = html.indexOf('<!-- 网易号 disclaimer');
    const bodyHtml = html.slice(start, html.lastIndexOf('</div>', end));
    const late =
      html.slice(0, start) +
      `</div><script>setTimeout(() => { document.querySelector('.post_body').innerHTML = ${JSON.stringify(bodyHtml)}; }, 800);</script>` +
      html.slice(html.lastIndexOf('</div>', end) + '</div>'.length);
    server.setPage(`www.163.com/dy/article/${SAMPLE_ID}.html`, late);
    try {
      const latePage = await context.newPage();
      await latePage.goto(DESKTOP_URL);
      expect(await latePage.locator('.post_body p').count()).toBe(0);
      await expectOnlyQuotePainted(latePage);
      await latePage.close();
    } finally {
      server.setPage(`www.163.com/dy/article/${SAMPLE_ID}.html`, html);
    }
  });

  it('keeps mobile highlights when the next article is appended, and does not take it for this one', async () => {
    const mobile = await context.newPage();
    await mobile.goto(MOBILE_URL);
    await expectOnlyQuotePainted(mobile);
    await mobile.evaluate(() => {
      const next = document.createElement('article');
      next.className = 'article js-article';
      next.innerHTML =
        '<h1 class="article-title">下一篇</h1><section class="article-body js-article-body"><p>一切都應(yīng)該是“昨天就完成”。這是下一篇文章。</p></section>';
      document.querySelector('main')!.append(next);
    });
    await mobile.waitForTimeout(500);
    await expectOnlyQuotePainted(mobile);
    const inFirstArticle = await mobile.evaluate(() => {
      const [range] = [...CSS.highlights.get('nea-yellow')!] as Range[];
      return document.querySelector('article.js-article')!.contains(range.startContainer);
    });
    expect(inFirstArticle).toBe(true);
    await mobile.close();
  });
});
