/**
 * The translation popover as a reader uses it, in real Chromium with the built extension: dictionary words offline,
 * the "no service set up" state (this Chromium has no on-device translator on an http page), Copy, and — after
 * setting up LibreTranslate on the options page against a local server speaking its protocol — sentence translation,
 * failure and Retry, the cache, and saving the translation onto a highlight. Also the gloss switch's paragraph mode
 * (the English translation under each paragraph): its fallback to word glosses before a service is set up, and with
 * LibreTranslate, the translations as a reader meets them while the page changes. Run after `wxt build`.
 *
 * Granting the host permission: `permissions.request` from the options page's Save click would open Chrome's prompt,
 * which a headless test cannot click. So the test first allows the site as a reader can in chrome://extensions
 * (`scripts/allow-site.ts`), after which Chrome grants the options page's request without a prompt. The options
 * page's own click path is what runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { startFixtureServer, DESKTOP_URL, MOBILE_URL } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import { allowSite } from '../../scripts/allow-site';
import {
  activeTabId,
  clickText,
  dragBetween,
  dragSelect,
  paintedHighlights,
  scrollToElement,
  type TextSpot,
} from '../../scripts/reader-actions';
import { fakeTranslation, startFakeTranslationServer, type FakeTranslationServer } from '../../scripts/fake-translation-servers';
import { clipboardText, storedAnnotations, storedGlossSettings, storedWordList } from './extension-data';
import { appendAdSlot, compareWithKept, keepArticle } from './article-snapshot';
import { paragraphsSeen } from './paragraph-view';
import { SETTLE_MS } from '../../lib/content/shell/watch-article';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let libre: FakeTranslationServer;
let context: BrowserContext;
let worker: Worker;
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

const ARTICLE = '.post_body';
/** An ad slot the tests put into the article body, as live pages have: not article text. */
const AD_SLOT = '.post_end_ad';
const PARAGRAPH_MODE = 'English under each paragraph';

/** How many `performance.measure` entries called `name` the page has. */
const measures = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);

/**
 * Presses Alt+G on the article and waits for the page's `measure`: `nea:gloss-on` once the paragraph translations show
 * (or, falling back, the word glosses on screen), `nea:gloss-off` once the article is plain again.
 */
async function pressAltG(measure: 'nea:gloss-on' | 'nea:gloss-off') {
  const before = await measures(measure);
  await page.bringToFront();
  await page.keyboard.press('Alt+G');
  await page.waitForFunction(([n, b]) => performance.getEntriesByName(n).length > b, [measure, before] as const);
}

/** Opens the popup as a page for the article's tab. */
async function openPopup() {
  await page.bringToFront();
  const tabId = await activeTabId(worker);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** The popup's gloss settings. */
const glossGroup = (popup: Page) => popup.getByRole('group', { name: 'Pinyin and English gloss' });

/** Chooses what the gloss shows in the popup, as a reader does, and waits until the page has stored the choice. */
async function chooseGlossMode(label: string) {
  const popup = await openPopup();
  const [mode] = await glossGroup(popup).getByLabel('Gloss shows').selectOption({ label });
  await expect.poll(async () => (await storedGlossSettings(worker))?.mode).toBe(mode);
  await popup.close();
}

beforeAll(async () => {
  server = await startFixtureServer();
  libre = await startFakeTranslationServer('libretranslate');
  ({ context, worker, extensionId } = await launchWithExtension({ port: server.port }));
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
    await expect.poll(() => words().locator('dt > span').allInnerTexts()).toEqual(['挺', '反常', '的']);
    const abnormal = words()
      .locator('.nea-word')
      .filter({ has: page.locator('dt > span', { hasText: /^反常$/ }) });
    expect(await textOf(abnormal.locator('dd'))).toBe('fǎncháng unusual; abnormal');
    expect(await textOf(words())).toContain('tǐng');
    // The selection toolbar makes way for the popover.
    expect(await page.getByRole('toolbar', { name: 'Annotation tools' }).count()).toBe(0);
  });

  it('Add to word list beside a word keeps it with its pinyin, sense and the sentence around the selection', async () => {
    await popover().getByRole('button', { name: 'Add 反常 to word list' }).click();
    await expect.poll(() => popover().getByRole('button', { name: 'In word list' }).count()).toBe(1);
    const [entry] = await storedWordList(worker);
    expect(entry).toMatchObject({ word: '反常', pinyin: 'fǎncháng', sense: expect.stringMatching(/unusual|abnormal/) });
    expect(entry.sentence).toContain('挺反常的');
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

  it('near the bottom of the window, opens above the selection and stays inside the window', async () => {
    await page.keyboard.press('Escape');
    // Near the bottom, but not in the strip along the window's edge where Chromium scrolls the page under a drag
    // (which would carry the selection on by an amount that depends on the font's line height).
    await page.evaluate((p) => {
      document.querySelector(p)!.scrollIntoView({ block: 'end' });
      window.scrollBy(0, 60);
    }, P_SAVE);
    const text = '也不需要等任何人';
    expect(await dragSelect(page, P_SAVE, text)).toBe(text);
    await page.keyboard.press('Alt+T');
    await expect.poll(() => words().locator('dt').count()).toBeGreaterThan(2);
    const [box, selection, height] = await Promise.all([
      popover().boundingBox(),
      page.evaluate(() => document.getSelection()!.getRangeAt(0).getBoundingClientRect().toJSON() as DOMRect),
      page.evaluate(() => window.innerHeight),
    ]);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(selection.top);
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
  });

  it('on a phone, the toolbar and the popover stay inside the screen’s width at a selection near its right edge', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(MOBILE_URL);
    await phone.waitForFunction(() => performance.getEntriesByName('nea:load-and-paint').length > 0);
    await scrollToElement(phone, P_WORDS);
    await dragSelect(phone, P_WORDS, '挺反常的');
    const inside = async (name: 'toolbar' | 'dialog', label: string) => {
      const box = (await phone.getByRole(name, { name: label }).boundingBox())!;
      return box.x >= 0 && box.x + box.width <= 390;
    };
    await expect.poll(() => inside('toolbar', 'Annotation tools')).toBe(true);
    await phone.keyboard.press('Alt+T');
    await expect.poll(() => phone.getByRole('dialog', { name: 'Translation' }).count()).toBe(1);
    expect(await inside('dialog', 'Translation')).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await phone.close();
    await page.bringToFront();
  });

  it('closes with Esc, and nothing was sent anywhere', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => popover().count()).toBe(0);
    expect(libre.requests).toEqual([]);
    const foreign = requests.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return (
        !['chrome-extension:', 'data:'].includes(protocol) && !hostname.endsWith('.163.com') && !hostname.endsWith('.invalid')
      );
    });
    expect(foreign).toEqual([]);
  });
});

describe('paragraph mode before any translation service is set up', () => {
  it('Alt+G falls back to word glosses, and the page and the popup both say why', async () => {
    await openArticle();
    await chooseGlossMode(PARAGRAPH_MODE);
    await pressAltG('nea:gloss-on');
    expect(await page.locator(`${ARTICLE} gloss-word`).count()).toBeGreaterThan(0);
    expect(await page.locator('nea-paragraph-translation').count()).toBe(0);
    const onPage = page.getByRole('alert').locator('span');
    await expect.poll(() => textOf(onPage)).toMatch(/^Showing word glosses instead of paragraph translations: /);
    const said = await textOf(onPage);
    expect(said).toContain('needs a sentence translation service');

    const popup = await openPopup();
    const gloss = glossGroup(popup);
    await expect.poll(() => gloss.getByRole('switch', { name: 'Gloss this article' }).isChecked()).toBe(true);
    expect(await gloss.getByLabel('Gloss shows').inputValue()).toBe('paragraphs');
    await expect.poll(() => textOf(gloss.getByRole('status'))).toBe(said);
    await popup.close();

    await pressAltG('nea:gloss-off');
    expect(await page.locator('gloss-word').count()).toBe(0);
    expect(libre.requests).toEqual([]);
  });
});

describe('with LibreTranslate set up on the options page', () => {
  it('saves the server with access to it, and Test translates through it', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('radio', { name: 'LibreTranslate, on a server you choose' }).check();
    await options.getByRole('textbox', { name: 'LibreTranslate server address' }).fill(libre.origin);

    // What a reader can do on the extension's page in chrome://extensions: allow this site.
    await allowSite(context, extensionId, 'http://127.0.0.1/*');

    await options.getByRole('button', { name: 'Save and allow access' }).click();
    const status = options.getByRole('form', { name: 'Sentence translation' }).getByRole('status');
    await expect.poll(() => textOf(status)).toBe('Saved. Access to http://127.0.0.1 is allowed.');
    await options.getByRole('button', { name: 'Test' }).click();
    await expect.poll(() => textOf(status)).toBe(`LibreTranslate works: “${fakeTranslation('你好，世界。')}”`);

    // Kept in the extension's database, not in storage.local (which content scripts can read); shown again on reload.
    const local = await worker.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
      return JSON.stringify(await storage.local.get(null));
    });
    expect(local).not.toContain('127.0.0.1');
    await options.reload();
    const address = options.getByRole('textbox', { name: 'LibreTranslate server address' });
    await expect.poll(() => address.inputValue()).toBe(libre.origin);
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
    const sent = translateRequests()
      .slice(before)
      .map((r) => r.body);
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
    await expect
      .poll(() => textOf(highlight.locator('.nea-translation-preview')))
      .toBe(`${fakeTranslation(text)} Translated by LibreTranslate`);
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
    await expect.poll(() => textOf(preview)).toBe(`${fakeTranslation(text)} Translated by LibreTranslate`);
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });
});

describe('paragraph mode with LibreTranslate set up', () => {
  const P_A = '[id="004FTI4G"]';
  const P_B = '[id="004FTO8F"]';
  /** From the end of one paragraph into the start of the next: across where the translation of the first goes. */
  const ACROSS: [TextSpot, TextSpot] = [
    { selector: P_A, text: '把人開(kāi)了。' },
    { selector: P_B, text: '阿蘇是一名灣區(qū)' },
  ];

  /** The stored annotations not deleted, oldest first. */
  const live = async () =>
    (await storedAnnotations(worker)).filter((a) => a.deletedAt === null).sort((a, b) => a.createdAt - b.createdAt);
  const liveCount = async () => (await live()).length;

  /** The stored target of the newest annotation, once there is one more than `count`. */
  async function newTarget(count: number): Promise<unknown> {
    await expect.poll(liveCount).toBe(count + 1);
    return (await live()).at(-1)!.target;
  }

  /**
   * What is wrong with the paragraph translations on the page, as lines ([] when each article paragraph shows exactly
   * one, the server's translation of its text, drawn below it, and nothing else shows one), and the article paragraphs.
   */
  async function translationProblems() {
    const { paragraphs, total } = await paragraphsSeen(page, ARTICLE, AD_SLOT);
    const article = paragraphs.filter((p) => p.article);
    const problems = paragraphs.flatMap((p) => {
      const wanted = p.article ? [fakeTranslation(p.text)] : [];
      const name = p.id || p.text.slice(0, 12);
      const shown = JSON.stringify(p.translations);
      if (shown !== JSON.stringify(wanted)) return [`${name} shows ${shown}`];
      return p.below ? [] : [`${name} has its translation elsewhere than below it`];
    });
    if (total !== article.length) problems.push(`${total} translations for ${article.length} paragraphs`);
    return { problems, paragraphs: article };
  }

  /** Waits until each article paragraph shows exactly its one translation, and checks it stays so once the page settles. */
  async function expectOneTranslationEach() {
    await expect.poll(async () => (await translationProblems()).problems).toEqual([]);
    // Nothing may be added or taken away after that: give the page's change watchers time to settle again.
    await page.waitForTimeout(2 * SETTLE_MS);
    expect((await translationProblems()).problems).toEqual([]);
  }

  it('Alt+G shows the service’s translation under each article paragraph, left out of copies and highlights; off puts the article back exactly', async () => {
    await openArticle();
    await appendAdSlot(page, ARTICLE, '<p>广告：马上下载网易新闻客户端</p>');
    await keepArticle(page, ARTICLE);

    // Copy and highlight across two paragraphs while the article is plain.
    await scrollToElement(page, P_A);
    const selected = await dragBetween(page, ...ACROSS);
    await page.keyboard.press('Control+C');
    const copied = await clipboardText(context);
    expect(copied).toContain(ACROSS[0].text);
    expect(copied).toContain(ACROSS[1].text);
    let count = await liveCount();
    await page.getByRole('button', { name: 'Highlight yellow' }).click();
    const plainTarget = await newTarget(count);
    await page.mouse.click(5, 5);
    const painted = await paintedHighlights(page);

    await chooseGlossMode(PARAGRAPH_MODE);
    const before = translateRequests().length;
    await pressAltG('nea:gloss-on');
    const { problems, paragraphs } = await translationProblems();
    expect(paragraphs.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    // What went to the server: article paragraphs' text only, each once, asking its Traditional model; the two
    // paragraphs the popover tests above translated on their own came from the cache.
    const queries = (requests: typeof libre.requests) => requests.map((r) => r.body as { q: string[]; source: string });
    const sent = queries(translateRequests().slice(before));
    const texts = paragraphs.map((p) => p.text);
    expect(sent.flatMap((b) => b.q).filter((q) => !texts.includes(q))).toEqual([]);
    expect(new Set(sent.flatMap((b) => b.q)).size).toBe(sent.flatMap((b) => b.q).length);
    expect(new Set(sent.map((b) => b.source))).toEqual(new Set(['zh-Hant']));
    const everSent = new Set(queries(translateRequests()).flatMap((b) => b.q));
    expect(texts.filter((text) => !everSent.has(text))).toEqual([]);
    expect(await paintedHighlights(page)).toEqual(painted);

    // The same drag selects and copies the same text, and a highlight made now stores the same quote and position.
    await scrollToElement(page, P_A);
    expect(await dragBetween(page, ...ACROSS)).toBe(selected);
    await page.keyboard.press('Control+C');
    expect(await clipboardText(context)).toBe(copied);
    count = await liveCount();
    await page.getByRole('button', { name: 'Highlight green' }).click();
    expect(await newTarget(count)).toEqual(plainTarget);
    await page.mouse.click(5, 5);

    await pressAltG('nea:gloss-off');
    const restored = await compareWithKept(page, ARTICLE);
    expect(restored.nodeCount).toBe(restored.keptCount);
    expect(restored).toMatchObject({ sameNodes: true, sameText: true, sameHtml: true });
    expect(await page.locator('nea-paragraph-translation').count()).toBe(0);
  });

  it('keeps one translation per paragraph while the page re-renders the article, adds a paragraph or replaces the body', async () => {
    let before = translateRequests().length;
    await pressAltG('nea:gloss-on');
    expect((await translationProblems()).problems).toEqual([]);
    expect(translateRequests().length).toBe(before); // all from the cache

    await page.evaluate((article) => {
      const body = document.querySelector(article)!;
      body.innerHTML = body.innerHTML; // every node replaced, our translations copied without their text
    }, ARTICLE);
    await expectOneTranslationEach();

    // Inserted between a paragraph and its translation: the new one is translated, the other is put back in place.
    const added = '編者按：本文在發布後有所修訂，這一段是新加的。';
    before = translateRequests().length;
    await page.evaluate(
      ([after, text]) => {
        const p = document.createElement('p');
        p.id = 'added-paragraph';
        p.textContent = text;
        document.querySelector(after)!.after(p);
      },
      [P_A, added],
    );
    await expectOneTranslationEach();
    expect(
      translateRequests()
        .slice(before)
        .map((r) => (r.body as { q: string[] }).q),
    ).toEqual([[added]]);

    // The whole body element replaced: the copy's translations are replaced, and the new body is followed.
    await page.evaluate((article) => {
      const body = document.querySelector(article)!;
      body.replaceWith(body.cloneNode(true));
    }, ARTICLE);
    await expectOneTranslationEach();
    await page.evaluate(
      ([article, text]) => {
        const p = document.createElement('p');
        p.textContent = text;
        document.querySelector(article)!.prepend(p);
      },
      [ARTICLE, '這一段加在換過的正文裡。'],
    );
    await expectOneTranslationEach();

    await pressAltG('nea:gloss-off');
    expect(await page.locator('nea-paragraph-translation').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
