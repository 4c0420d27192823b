/**
 * The core, as a reader uses it: real Chromium with the built extension, the sample article served at its real URLs.
 * Run after `wxt build` (npm test does both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startFixtureServer, DESKTOP_URL, MOBILE_URL, SAMPLE_ID } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import { storedAnnotations } from './extension-data';
import { activeTabId, clickText, dragSelect, noteEditor, paintedHighlights, scrollToElement } from '../../scripts/reader-actions';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

const P1 = '[id="004FXQVR"]';
const P2 = '[id="004FXWZQ"]';

async function openArticle(url = DESKTOP_URL, target = page) {
  await target.goto(url);
  await target.waitForSelector('nea-annotator', { state: 'attached' });
  // Highlights are painted after the background answers; wait for the list to be loaded.
  await target.waitForFunction(() => document.querySelector('nea-annotator') !== null);
}

const painted = async (target = page) => Object.values(await paintedHighlights(target)).flat();

async function waitPainted(text: string, target = page) {
  await expect.poll(() => painted(target), { timeout: 10_000 }).toContain(text);
}

/** Opens the popup as a page for the tab showing `target`. */
async function openPopup(target: Page) {
  await target.bringToFront();
  const tabId = await activeTabId(worker);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

beforeAll(async () => {
  server = await startFixtureServer();
  ({ context, worker, extensionId } = await launchWithExtension({ port: server.port }));
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  // The fixtures' images point at unreachable hosts; those load failures are the page's, not ours.
  page.on(
    'console',
    (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && consoleErrors.push(m.text()),
  );
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('highlighting on the desktop article', () => {
  it('shows a toolbar with named buttons for a selection in the article, and Esc closes it', async () => {
    await openArticle();
    await scrollToElement(page, P1);
    await dragSelect(page, P1, '一切都應(yīng)該是“昨天就完成”');
    const toolbar = page.getByRole('toolbar', { name: 'Annotation tools' });
    await expect.poll(() => toolbar.isVisible()).toBe(true);
    for (const color of ['yellow', 'green', 'blue', 'pink', 'purple']) {
      expect(await page.getByRole('button', { name: `Highlight ${color}` }).count()).toBe(1);
    }
    expect(await page.getByRole('button', { name: 'Add note' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Copy' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => toolbar.count()).toBe(0);
  });

  it('shows no toolbar for a selection outside the article text', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await dragSelect(page, 'h1.post_title', '被馬斯克開除前');
    await page.waitForTimeout(400);
    expect(await page.getByRole('toolbar', { name: 'Annotation tools' }).count()).toBe(0);
  });

  it('highlights a selection, and the same words are highlighted after a reload', async () => {
    await scrollToElement(page, P1);
    await dragSelect(page, P1, '一切都應(yīng)該是“昨天就完成”');
    await page.getByRole('button', { name: 'Highlight green' }).click();
    await waitPainted('一切都應(yīng)該是“昨天就完成”');
    expect((await paintedHighlights(page))['nea-green']).toEqual(['一切都應(yīng)該是“昨天就完成”']);
    // No element was wrapped around the page's text.
    expect(await page.locator(`${P1} mark, ${P1} span`).count()).toBe(0);

    await page.reload();
    await waitPainted('一切都應(yīng)該是“昨天就完成”');
    expect((await paintedHighlights(page))['nea-green']).toEqual(['一切都應(yīng)該是“昨天就完成”']);
  });

  it('Alt+H highlights in the last colour used', async () => {
    await scrollToElement(page, P2);
    await dragSelect(page, P2, '挺反常的');
    await page.keyboard.press('Alt+H');
    await waitPainted('挺反常的');
    expect((await paintedHighlights(page))['nea-green']).toContain('挺反常的');
  });

  it('clips a selection that runs out of the article to the article part', async () => {
    const last = '[id="004GLOFU"]';
    await scrollToElement(page, last);
    const box = await page.evaluate((sel) => {
      const p = document.querySelector(sel)!;
      const r = document.createRange();
      const text = p.firstChild as Text;
      const at = text.data.indexOf('AskMusk');
      r.setStart(text, at);
      r.setEnd(text, at + 1);
      const start = r.getClientRects()[0];
      const end = document.querySelector('.post_statement p')!.getBoundingClientRect();
      return { x1: start.left + 1, y1: start.top + start.height / 2, x2: end.left + 60, y2: end.top + 8 };
    }, last);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 6 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Highlight blue' }).click();
    await expect.poll(async () => (await paintedHighlights(page))['nea-blue'] ?? []).toHaveLength(1);
    const [quote] = (await paintedHighlights(page))['nea-blue'];
    expect(quote.startsWith('AskMusk')).toBe(true);
    expect(quote).not.toContain('特別聲明');
  });

  it('saves a note with Alt+N and Ctrl+Enter, shows HTML in it as text, and keeps it after a reload', async () => {
    const note = '<img src=x onerror="window.__pwned=1"> 物理極限 & first principles';
    await scrollToElement(page, P2);
    await dragSelect(page, P2, '我們確實(shí)會(huì)這樣做');
    await page.keyboard.press('Alt+N');
    const editor = noteEditor(page);
    await editor.fill(note);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => editor.count()).toBe(0);

    await page.reload();
    await waitPainted('我們確實(shí)會(huì)這樣做');
    await scrollToElement(page, P2);
    await clickText(page, P2, '確實(shí)會(huì)');
    const dialog = page.getByRole('dialog', { name: 'Highlight' });
    await expect.poll(() => dialog.locator('.nea-note-preview').textContent()).toBe(note);
    expect(await dialog.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.getByRole('button', { name: 'Open note' }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });

  it('keeps a note typed before a click outside the editor', async () => {
    await scrollToElement(page, P2);
    await clickText(page, P2, '挺反常');
    await page.getByRole('button', { name: 'Add note' }).click();
    await noteEditor(page).fill('slip of the mouse');
    await page.mouse.click(5, 5);
    await expect.poll(() => noteEditor(page).count()).toBe(0);
    await page.reload();
    await waitPainted('挺反常的');
    await scrollToElement(page, P2);
    await clickText(page, P2, '反常');
    await expect.poll(() => page.locator('.nea-note-preview').first().textContent()).toBe('slip of the mouse');
    await page.keyboard.press('Escape');
  });

  it('lets each of two overlapping highlights be opened', async () => {
    await scrollToElement(page, P1);
    await dragSelect(page, P1, '完成”。至少在公司內(nèi)部');
    await page.getByRole('button', { name: 'Highlight pink' }).click();
    await waitPainted('完成”。至少在公司內(nèi)部');
    await clickText(page, P1, '完成”');
    const tabs = page.getByRole('tab');
    await expect.poll(() => tabs.count()).toBe(2);
    await tabs.nth(1).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Change colour to green' }).getAttribute('aria-pressed'))
      .toBe('true');
    await tabs.nth(0).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Change colour to pink' }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.keyboard.press('Escape');
  });

  it('deletes a highlight and brings it back with Undo', async () => {
    await clickText(page, P1, '公司內(nèi)部');
    await page.getByRole('button', { name: 'Delete highlight' }).click();
    await expect.poll(() => painted()).not.toContain('完成”。至少在公司內(nèi)部');
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitPainted('完成”。至少在公司內(nèi)部');
    await page.reload();
    await waitPainted('完成”。至少在公司內(nèi)部');
  });
});

describe('the same article elsewhere', () => {
  it('shows the desktop highlights on the mobile URL, on the same words', async () => {
    const mobile = await context.newPage();
    await openArticle(MOBILE_URL, mobile);
    await waitPainted('一切都應(yīng)該是“昨天就完成”', mobile);
    const all = await painted(mobile);
    expect(all).toEqual(expect.arrayContaining(['一切都應(yīng)該是“昨天就完成”', '挺反常的', '我們確實(shí)會(huì)這樣做']));
    await mobile.close();
  });

  it('lists the highlights in reading order in the popup, and a click scrolls the page to one', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup(page);
    const items = popup.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(5);
    const quotes = await popup.locator('.annotation-quote').allTextContents();
    expect(quotes[0]).toBe('一切都應(yīng)該是“昨天就完成”');
    expect(quotes.at(-1)!.startsWith('AskMusk')).toBe(true);
    expect(await popup.getByText('slip of the mouse').count()).toBe(1);
    await popup.getByRole('button', { name: 'Show in article: 我們確實(shí)會(huì)這樣做' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await popup.close();
  });

  it('edits a note and deletes with undo from the popup', async () => {
    const popup = await openPopup(page);
    const item = popup.getByRole('listitem').filter({ hasText: 'slip of the mouse' });
    await item.getByRole('button', { name: 'Edit note' }).click();
    await popup.getByRole('textbox', { name: 'Note' }).fill('edited in the popup');
    await popup.keyboard.press('Control+Enter');
    await expect.poll(() => popup.getByText('edited in the popup').count()).toBe(1);

    const blue = popup.getByRole('listitem').last();
    await blue.getByRole('button', { name: 'Delete highlight' }).click();
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(4);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(5);
    await popup.close();

    // The page heard about the edit from the background and shows the new note.
    await scrollToElement(page, P2);
    await clickText(page, P2, '反常');
    await expect.poll(() => page.locator('.nea-note-preview').first().textContent()).toBe('edited in the popup');
    await page.keyboard.press('Escape');
  });

  it('says so in the popup off an article page, and stays silent there', async () => {
    const home = await context.newPage();
    const errors: string[] = [];
    home.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await home.goto('http://www.163.com/');
    await home.waitForTimeout(500);
    expect(await home.locator('nea-annotator').count()).toBe(0);
    const popup = await openPopup(home);
    await expect.poll(() => popup.getByText('This page is not a NetEase article', { exact: false }).count()).toBe(1);
    expect(errors).toEqual([]);
    await popup.close();
    await home.close();
  });
});

describe('privacy', () => {
  it('leaves no annotation text in the 163.com origin storage', async () => {
    await openArticle();
    const pageStorage = await page.evaluate(async () => {
      const local = JSON.stringify({ ...localStorage });
      const session = JSON.stringify({ ...sessionStorage });
      const dbs = await indexedDB.databases();
      return { local, session, dbs: dbs.map((d) => d.name), cookie: document.cookie };
    });
    expect(pageStorage.dbs).toEqual([]);
    for (const text of [pageStorage.local, pageStorage.session, pageStorage.cookie]) {
      expect(text).not.toContain('昨天就完成');
      expect(text).not.toContain('edited in the popup');
    }
    // …while the extension's own database has them.
    const stored = (await storedAnnotations(worker)).filter((a) => a.articleId === SAMPLE_ID);
    expect(stored).toHaveLength(5);
    expect(consoleErrors).toEqual([]);
  });

  it("sends nothing anywhere: every request of the session is the page's own or the extension's files", async () => {
    // The fixture pages' own images point at `.invalid` hosts; everything else must be the served pages or our files.
    const foreign = requests.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'chrome-extension:' || protocol === 'data:') return false;
      return !(hostname.endsWith('.163.com') || hostname.endsWith('.invalid'));
    });
    expect(requests.length).toBeGreaterThan(10);
    expect(foreign).toEqual([]);
  });

  it('gives page scripts no way to reach the background', async () => {
    const reached = await page.evaluate(async (id) => {
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: Function } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime';
      try {
        return await new Promise((resolve) =>
          runtime.sendMessage!(id, { type: 'annotations/list', payload: { articleId: 'KJ8S2N1V0556A7ZQ' } }, resolve),
        );
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    }, extensionId);
    expect(typeof reached === 'string' ? reached : JSON.stringify(reached)).toMatch(/no runtime|refused/);
  });
});
