/**
 * The annotator as a reader uses it in Firefox: Debian's Firefox ESR with the built Firefox package installed as a
 * temporary add-on, driven over WebDriver BiDi with real mouse and keyboard input, the sample article served at its
 * real URLs. Highlight with the toolbar and Alt+H, write a note, reload and find both again, the popup's list, the
 * gloss switch, the mobile page at a phone-sized viewport. Run after `wxt build -b firefox` (npm run test:firefox).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { DESKTOP_URL, MOBILE_URL, SAMPLE_ID, startFixtureServer } from '../../scripts/fixture-server';
import { DESKTOP_VIEWPORT, launchFirefox, openExtensionPage } from '../../scripts/launch-firefox';
import { clickControl, countControls, editorFrame, editorFrameIds, inFrame, uiText } from '../../scripts/firefox-ui';
import { clickText, dragSelect, paintedHighlights, scrollToElement } from '../../scripts/reader-actions';
import { articleTabId, hasFirefox, pressAlt, storedInExtension } from './firefox-reader';

const firefox = hasFirefox();

const P1 = '[id="004FXQVR"]';
const P2 = '[id="004FXWZQ"]';
const QUOTE_A = '一切都應(yīng)該是“昨天就完成”';
const QUOTE_B = '挺反常的';
const QUOTE_C = '我們確實(shí)會(huì)這樣做';
const NOTE = 'First principles, <b>not bold</b> & 物理極限';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const painted = async (target = page) => Object.values(await paintedHighlights(target)).flat();
const eventually = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 10_000 });

async function openArticle(url = DESKTOP_URL, target = page) {
  await target.goto(url);
  await target.waitForSelector('nea-annotator');
}

/** Opens the popup, as a tab, for the tab showing `url`. */
async function openPopup(url: string): Promise<Page> {
  const popup = await browser.newPage();
  await openExtensionPage(browser, popup, 'popup.html', '#app');
  await openExtensionPage(browser, popup, `popup.html?tab=${await articleTabId(popup, url)}`, '.popup-tabs, [role="tablist"]');
  return popup;
}

beforeAll(async () => {
  if (!firefox) return;
  server = await startFixtureServer();
  ({ browser, page } = await launchFirefox({ port: server.port }));
  page.on('pageerror', (error) => pageErrors.push(String(error)));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!firefox)('Firefox: highlighting on the desktop article', () => {
  it('shows the toolbar for a selection, highlights from it, and finds the highlight after a reload', async () => {
    await openArticle();
    await scrollToElement(page, P1);
    expect(await dragSelect(page, P1, QUOTE_A)).toBe(QUOTE_A);
    await eventually(() => countControls(browser, page, { name: 'Highlight green', within: 'Annotation tools' })).toBe(1);
    for (const name of ['Highlight yellow', 'Highlight blue', 'Highlight pink', 'Highlight purple', 'Add note', 'Copy']) {
      expect(await countControls(browser, page, { name, role: 'button' })).toBe(1);
    }
    await clickControl(browser, page, { name: 'Highlight green', role: 'button' });
    await eventually(() => paintedHighlights(page)).toEqual({ 'nea-green': [QUOTE_A] });
    // No element was wrapped around the page's text.
    expect(await page.$$eval(`${P1} mark, ${P1} span`, (found) => found.length)).toBe(0);

    await page.reload();
    await page.waitForSelector('nea-annotator');
    await eventually(() => paintedHighlights(page)).toEqual({ 'nea-green': [QUOTE_A] });
  });

  it('Alt+H highlights a selection in the last colour used', async () => {
    await scrollToElement(page, P2);
    expect(await dragSelect(page, P2, QUOTE_B)).toBe(QUOTE_B);
    await pressAlt(page, 'h');
    await eventually(async () => (await paintedHighlights(page))['nea-green']).toEqual([QUOTE_A, QUOTE_B]);
  });

  it('writes a note in the editor frame (Alt+N, Ctrl+Enter), and shows it as text after a reload', async () => {
    await scrollToElement(page, P2);
    expect(await dragSelect(page, P2, QUOTE_C)).toBe(QUOTE_C);
    await pressAlt(page, 'n');
    const editor = await editorFrame(browser, page, 'note');
    await eventually(() => inFrame(browser, editor, () => document.activeElement?.localName, null)).toBe('textarea');
    await page.keyboard.type(NOTE);
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await eventually(() => editorFrameIds(browser, page, 'note')).toEqual([]);

    await page.reload();
    await page.waitForSelector('nea-annotator');
    await eventually(painted).toContain(QUOTE_C);
    await scrollToElement(page, P2);
    await clickText(page, P2, '確實(shí)會(huì)');
    await eventually(() => uiText(browser, page, '[role="dialog"] .nea-note-preview')).toBe(NOTE);
    expect(await uiText(browser, page, '[role="dialog"] b')).toBe('');
    await page.keyboard.press('Escape');
    await eventually(() => countControls(browser, page, { name: 'Highlight', role: 'dialog' })).toBe(0);
  });
});

describe.skipIf(!firefox)('Firefox: the popup', () => {
  it("lists the article's highlights in reading order, with the note", async () => {
    const popup = await openPopup(DESKTOP_URL);
    await eventually(() => popup.$$eval('.annotation-quote', (quotes) => quotes.map((q) => q.textContent))).toEqual([
      QUOTE_A,
      QUOTE_B,
      QUOTE_C,
    ]);
    expect(await popup.evaluate(() => document.body.textContent)).toContain(NOTE);
    await popup.close();
  });

  it('turns the gloss on for the article and off again', async () => {
    const glossed = () => page.$$eval('gloss-word', (words) => words.length);
    expect(await glossed()).toBe(0);
    const popup = await openPopup(DESKTOP_URL);
    await eventually(() => countControls(null, popup, { name: 'Gloss this article', role: 'switch' })).toBe(1);
    await clickControl(null, popup, { name: 'Gloss this article', role: 'switch' });
    await page.bringToFront();
    await eventually(glossed).toBeGreaterThan(100);
    expect(await page.$eval('gloss-base[data-py]', (word) => word.getAttribute('data-py'))).not.toBe('');

    await popup.bringToFront();
    await clickControl(null, popup, { name: 'Gloss this article', role: 'switch' });
    await page.bringToFront();
    await eventually(glossed).toBe(0);
    // The highlights are still on the same words.
    expect(await painted()).toEqual(expect.arrayContaining([QUOTE_A, QUOTE_B, QUOTE_C]));
    await popup.close();
  });
});

describe.skipIf(!firefox)('Firefox: the mobile page at a phone-sized viewport', () => {
  it('shows the desktop highlights on m.163.com, and Alt+H highlights there too', async () => {
    const mobile = await browser.newPage();
    await mobile.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await openArticle(MOBILE_URL, mobile);
    await eventually(() => painted(mobile)).toEqual(expect.arrayContaining([QUOTE_A, QUOTE_B, QUOTE_C]));
    expect(await mobile.evaluate(() => window.innerWidth)).toBe(390);

    const P = '[id="004FTO8F"]';
    await scrollToElement(mobile, P);
    expect(await dragSelect(mobile, P, '機(jī)器學(xué)習(xí)工程師')).toBe('機(jī)器學(xué)習(xí)工程師');
    await pressAlt(mobile, 'h');
    await eventually(() => painted(mobile)).toContain('機(jī)器學(xué)習(xí)工程師');
    await mobile.close();
    await page.setViewport(DESKTOP_VIEWPORT);
  });
});

describe.skipIf(!firefox)('Firefox: the opt-in translation services', () => {
  it('grant nothing at install, and are checked with their data collection consent', async () => {
    const extensionPage = await browser.newPage();
    await openExtensionPage(browser, extensionPage, 'popup.html', '#app');
    const granted = await extensionPage.evaluate(async (deepl) => {
      const { permissions } = (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser;
      const all = (await permissions.getAll()) as { origins?: string[]; data_collection?: string[] };
      const access = { origins: [deepl], data_collection: ['websiteContent' as const] };
      return { all, service: await permissions.contains(access), hostOnly: await permissions.contains({ origins: [deepl] }) };
    }, 'https://api-free.deepl.com/*');
    expect(granted.all.data_collection).toEqual([]);
    expect(granted.all.origins).toEqual(['*://*.163.com/*']);
    expect(granted).toMatchObject({ service: false, hostOnly: false });
    await extensionPage.close();
  });
});

describe.skipIf(!firefox)('Firefox: privacy', () => {
  it("keeps the annotations in the extension's database, none in the 163.com origin", async () => {
    await page.bringToFront();
    const pageStorage = await page.evaluate(async () => ({
      text: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
      dbs: (await indexedDB.databases()).map((d) => d.name),
    }));
    expect(pageStorage.dbs).toEqual([]);
    expect(pageStorage.text).not.toContain('昨天就完成');
    const extensionPage = await browser.newPage();
    await openExtensionPage(browser, extensionPage, 'popup.html', '#app');
    const stored = await storedInExtension(extensionPage, 'annotations');
    expect(stored.filter((a) => (a as { articleId: string }).articleId === SAMPLE_ID)).toHaveLength(4);
    await extensionPage.close();
    expect(pageErrors).toEqual([]);
  });

  it('sent nothing anywhere but to the served pages', async () => {
    const foreign = server.requests.filter((request) => {
      const host = request.split('/')[0];
      return !(host.endsWith('.163.com') || host.endsWith('.invalid'));
    });
    expect(server.requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
  });
});
