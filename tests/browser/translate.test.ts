/**
 * The translation popover as a reader uses it, in real Chromium with the built extension: dictionary words offline,
 * the "no service set up" state (this Chromium has no on-device translator on an http page), Copy, and — after
 * setting up LibreTranslate on the options page against a local server speaking its protocol — sentence translation,
 * failure and Retry, the cache, and saving the translation onto a highlight. Run after `wxt build`.
 *
 * Granting the host permission: `permissions.request` from the options page's Save click would open Chrome's prompt,
 * which a headless test cannot click. So the test first does what a reader can do on the extension's details page in
 * chrome://extensions — allow the site (`developerPrivate.addHostPermission`, the API behind that page) — after which
 * Chrome grants the options page's request without a prompt. The options page's own click path is what runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startFixtureServer, DESKTOP_URL } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import { clickText, dragSelect, paintedHighlights, scrollToElement } from '../../scripts/reader-actions';
import { fakeTranslation, startFakeTranslationServer, type FakeTranslationServer } from '../../scripts/fake-translation-servers';
import { clipboardText } from './extension-data';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let libre: FakeTranslationServer;
let context: BrowserContext;
let extensionId: string;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

const P_WORDS = '[id="004FXWZQ"]';
const P_SAVE = '[id="004G2HYZ"]';
const P_FAIL = '[id="004GG2SR"]';
const P_EXISTING = '[id="004GCOLB"]';

const popover = () => page.getByRole('dialog', { name: 'Translation' });
const sentence = () => popover().getByRole('region', { name: 'Sentence translation' });
const words = () => popover().getByRole('region', { name: 'Dictionary words' });

async function openArticle() {
  await page.goto(DESKTOP_URL);
  await page.waitForSelector('nea-annotator', { state: 'attached' });
}

/** Selects `text` in `paragraph` and opens the popover with Alt+T. */
async function translateWithKeyboard(paragraph: string, text: string) {
  await scrollToElement(page, paragraph);
  expect(await dragSelect(page, paragraph, text)).toBe(text);
  await page.keyboard.press('Alt+T');
  await popover().waitFor();
}


const translateRequests = () => libre.requests.filter((r) => r.url === '/translate');

const painted = async () => Object.values(await paintedHighlights(page)).flat();

/** The text of the element `locator` finds, or '' while there is none (never waits: for polling). */
const textOf = async (locator: Locator) => (await locator.allInnerTexts()).join('\n');

/** The sentence part's paragraphs: the translation, then the line naming the service. */
const sentenceLines = () => sentence().locator('p').allInnerTexts();

beforeAll(async () => {
  server = await startFixtureServer();
  libre = await startFakeTranslationServer('libretranslate');
  ({ context, extensionId } = await launchWithExtension({ port: server.port }));
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && pageErrors.push(m.text()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

afterAll(async () => {
  await context?.close();
  await libre?.close();
  await server?.close();
});

describe('before any translation service is set up', () => {
  it('Alt+T shows each word of the selection with its pinyin and senses, offline', async () => {
    await openArticle();
    await translateWithKeyboard(P_WORDS, '挺反常的');
    await expect.poll(() => words().locator('dt').allInnerTexts()).toEqual(['挺', '反常', '的']);
    const abnormal = words().locator('.nea-word').filter({ has: page.locator('dt', { hasText: /^反常$/ }) });
    expect(await textOf(abnormal.locator('dd'))).toBe('fǎncháng unusual; abnormal');
    expect(await textOf(words())).toContain('tǐng');
    // The selection toolbar makes way for the popover.
    expect(await page.getByRole('toolbar', { name: 'Annotation tools' }).count()).toBe(0);
  });

  it('explains that no sentence service is set up (this Chromium has no on-device translator here)', async () => {
    await expect.poll(() => textOf(sentence())).toContain('No sentence translation is set up');
    expect(await textOf(sentence())).toContain('no on-device translator');
    expect(await sentence().getByRole('button', { name: 'Translation settings' }).count()).toBe(1);
    expect(await popover().getByRole('button', { name: 'Save to highlight' }).count()).toBe(0);
  });

  it('copies the selection with its words', async () => {
    await popover().getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => popover().getByRole('button', { name: 'Copied' }).count()).toBe(1);
    const copied = await clipboardText(context);
    expect(copied.split('\n')).toEqual(expect.arrayContaining(['挺反常的', '反常 fǎncháng: unusual; abnormal']));
  });

  it('closes with Esc, and nothing was sent anywhere', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => popover().count()).toBe(0);
    expect(libre.requests).toEqual([]);
    const foreign = requests.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !['chrome-extension:', 'data:'].includes(protocol) && !hostname.endsWith('.163.com') && !hostname.endsWith('.invalid');
    });
    expect(foreign).toEqual([]);
  });
});

describe('with LibreTranslate set up on the options page', () => {
  it('saves the server with access to it, and Test translates through it', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('radio', { name: 'LibreTranslate, on a server you choose' }).check();
    await options.getByRole('textbox', { name: 'LibreTranslate server address' }).fill(libre.origin);

    // What a reader can do on the extension's page in chrome://extensions: allow this site.
    const extensions = await context.newPage();
    await extensions.goto(`chrome://extensions/?id=${extensionId}`);
    await extensions.evaluate(
      (id) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } })
        .chrome.developerPrivate.addHostPermission(id, 'http://127.0.0.1/*'),
      extensionId,
    );
    await extensions.close();

    await options.getByRole('button', { name: 'Save and allow access' }).click();
    const status = options.getByRole('status');
    await expect.poll(() => textOf(status)).toBe('Saved. Access to http://127.0.0.1 is allowed.');
    await options.getByRole('button', { name: 'Test' }).click();
    await expect.poll(() => textOf(status)).toBe(`LibreTranslate works: “${fakeTranslation('你好，世界。')}”`);
    await options.close();
  });

  it('translates a selection from the toolbar button, labelled with the service, sending only that text', async () => {
    const text = '幾乎不需要同步、不需要審批,也不需要等任何人。';
    const before = translateRequests().length;
    await openArticle();
    await scrollToElement(page, P_SAVE);
    await dragSelect(page, P_SAVE, text);
    await page.getByRole('toolbar', { name: 'Annotation tools' }).getByRole('button', { name: 'Translate' }).click();
    await expect.poll(sentenceLines).toEqual([fakeTranslation(text), 'Translated by LibreTranslate']);
    const sent = translateRequests().slice(before).map((r) => r.body);
    // A Traditional-script page: the server's Traditional model is asked for.
    expect(sent).toEqual([{ q: [text], source: 'zh-Hant', target: 'en', format: 'text' }]);
  });

  it('saves the translation onto a new highlight, shown with it after a reload', async () => {
    const text = '幾乎不需要同步、不需要審批,也不需要等任何人。';
    await popover().getByRole('button', { name: 'Save to highlight' }).click();
    await expect.poll(() => popover().getByRole('button', { name: 'Saved to highlight' }).count()).toBe(1);
    await expect.poll(() => painted()).toContain(text);
    await page.keyboard.press('Escape');

    await page.reload();
    await expect.poll(() => painted(), { timeout: 10_000 }).toContain(text);
    await scrollToElement(page, P_SAVE);
    await clickText(page, P_SAVE, '不需要審批');
    const highlight = page.getByRole('dialog', { name: 'Highlight' });
    await expect.poll(() => textOf(highlight.locator('.nea-translation-preview'))).toBe(
      `${fakeTranslation(text)} Translated by LibreTranslate`,
    );
    await page.keyboard.press('Escape');
  });

  it('answers the same text again from the cache, without a request', async () => {
    const before = translateRequests().length;
    await translateWithKeyboard(P_SAVE, '幾乎不需要同步、不需要審批,也不需要等任何人。');
    await expect.poll(() => textOf(sentence())).toContain('Translated by LibreTranslate');
    expect(translateRequests().length).toBe(before);
    await page.keyboard.press('Escape');
  });

  it('explains a refusal from the service, and Retry translates once it answers again', async () => {
    const text = '要么是非常高層的反饋';
    libre.answerNext({ status: 429, body: { error: 'Slowdown: too many requests' } });
    await translateWithKeyboard(P_FAIL, text);
    await expect.poll(() => textOf(sentence())).toContain('LibreTranslate is getting too many requests.');
    await sentence().getByRole('button', { name: 'Retry' }).click();
    await expect.poll(sentenceLines).toEqual([fakeTranslation(text), 'Translated by LibreTranslate']);
    await page.keyboard.press('Escape');
  });

  it("sends nothing when the page's own scripts press Translate or Alt+T", async () => {
    const before = libre.requests.length;
    await page.mouse.click(5, 5);
    await scrollToElement(page, P_FAIL);
    await dragSelect(page, P_FAIL, '非常高層');
    const toolbar = page.getByRole('toolbar', { name: 'Annotation tools' });
    await expect.poll(() => toolbar.getByRole('button', { name: 'Translate' }).count()).toBe(1);
    await page.evaluate(() => {
      const shadow = document.querySelector('nea-annotator')!.shadowRoot!;
      [...shadow.querySelectorAll('button')].find((b) => b.textContent === 'Translate')!.click();
      document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyT', key: 't', altKey: true, bubbles: true }));
    });
    await page.waitForTimeout(500);
    expect(await popover().count()).toBe(0);
    expect(libre.requests.length).toBe(before);
    await page.keyboard.press('Escape');
  });

  it('attaches the translation to the highlight already on the selected text', async () => {
    const text = '只招工程師';
    await scrollToElement(page, P_EXISTING);
    await dragSelect(page, P_EXISTING, text);
    await page.getByRole('button', { name: 'Highlight purple' }).click();
    await expect.poll(() => painted()).toContain(text);
    const count = (await painted()).length;

    await translateWithKeyboard(P_EXISTING, text);
    await popover().getByRole('button', { name: 'Save to highlight' }).click();
    await expect.poll(() => popover().getByRole('button', { name: 'Saved to highlight' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    expect((await painted()).length).toBe(count);
    await page.mouse.click(5, 5); // let go of the selection, then open the highlight
    await clickText(page, P_EXISTING, '工程');
    const preview = page.getByRole('dialog', { name: 'Highlight' }).locator('.nea-translation-preview');
    await expect.poll(() => textOf(preview)).toBe(
      `${fakeTranslation(text)} Translated by LibreTranslate`,
    );
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });
});
