/**
 * Every view follows a change made in another: a highlight deleted (and brought back) in the library disappears
 * from (and comes back to) an open popup's "This article" view and the open article tab, without a reload; a gloss
 * switch turned in one article tab reaches another and the open popup. Real Chromium with the built extension; run after `wxt build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { DESKTOP_URL, SAMPLE_ID, fixtureHtml, startFixtureServer } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import { activeTabId, dragSelect, paintedHighlights, scrollToElement } from '../../scripts/reader-actions';
import { storedChanges, storedGlossSettings } from './extension-data';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let article: Page;

const P1 = '[id="004FXQVR"]';
const P2 = '[id="004FXWZQ"]';
const QUOTE_A = '一切都應(yīng)該是“昨天就完成”';
const QUOTE_B = '挺反常的';

/** Polls `value` until it passes, allowing for messages between the views and the background. */
const eventually = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 10_000 });
const painted = async (page: Page) => Object.values(await paintedHighlights(page)).flat();

/** Highlights `text` in `selector` of the article tab. */
async function highlight(selector: string, text: string) {
  await scrollToElement(article, selector);
  await dragSelect(article, selector, text);
  await article.getByRole('button', { name: 'Highlight yellow' }).click();
  await eventually(() => painted(article)).toContain(text);
}

beforeAll(async () => {
  server = await startFixtureServer();
  server.setPage(`www.163.com/dy/article/${SAMPLE_ID}.html`, fixtureHtml('dy-desktop'));
  ({ context, worker, extensionId } = await launchWithExtension({ port: server.port }));
  article = context.pages()[0] ?? (await context.newPage());
  await article.goto(DESKTOP_URL);
  await article.waitForSelector('nea-annotator', { state: 'attached' });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('following changes', () => {
  it('shows a change made in the library in the open popup and the open article tab, without a reload', async () => {
    await highlight(P1, QUOTE_A);
    await highlight(P2, QUOTE_B);
    const tabId = await activeTabId(worker);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    expect(await popup.getByRole('tab', { name: 'This article' }).getAttribute('aria-selected')).toBe('true');
    const items = popup.locator('.annotation-item');
    await eventually(() => items.count()).toBe(2);

    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/library.html`);
    await eventually(() => library.locator('.library-row').count()).toBe(2);
    await library.getByRole('button', { name: `Delete highlight: ${QUOTE_B}` }).click();
    await eventually(() => library.locator('.library-row').count()).toBe(1);

    // Neither the popup nor the article tab was reloaded: both were told.
    await eventually(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain(QUOTE_A);
    await eventually(() => painted(article)).not.toContain(QUOTE_B);
    expect(await painted(article)).toContain(QUOTE_A);

    await library.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => items.count()).toBe(2);
    await eventually(() => painted(article)).toContain(QUOTE_B);
    await library.close();
    await popup.close();
  });

  it('turns the gloss on in another tab and in the open popup when it is turned on in one tab', async () => {
    const tabId = await activeTabId(worker);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    const toggle = popup.getByRole('switch', { name: 'Gloss this article' });
    await eventually(() => toggle.isChecked()).toBe(false);
    const second = await context.newPage();
    await second.goto(DESKTOP_URL);
    await second.waitForSelector('nea-annotator', { state: 'attached' });

    await article.bringToFront();
    await article.keyboard.press('Alt+G');
    await eventually(async () => (await storedGlossSettings(worker))?.on).toBe(true);
    await eventually(() => second.locator('gloss-word').count()).toBeGreaterThan(10);
    await eventually(() => toggle.isChecked()).toBe(true);
    await article.keyboard.press('Alt+G');
    await eventually(() => second.locator('gloss-word').count()).toBe(0);
    await eventually(() => toggle.isChecked()).toBe(false);
    // Two changes, two writes: following a change never writes it again (the views only read).
    await second.close();
    await popup.close();
    const gloss = (await storedChanges(worker)).find((c) => c.kind === 'setting' && c.key === 'gloss');
    expect(gloss?.rev).toBe(2);
  });
});
