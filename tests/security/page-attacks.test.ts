// The page's own scripts are an attacker with the DOM, getSelection(), dispatchEvent and history. A hostile NetEase
// article page (the sample article with an attacker's script at the top of its <head>) tries each attack in real
// Chromium with the built extension; every attempt must fail while the reader's own mouse and keyboard still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchWithExtension } from '../../scripts/launch-browser';
import { SAMPLE_ID, fixtureHtml, startFixtureServer } from '../../scripts/fixture-server';
import {
  dragBetween,
  dragSelect,
  noteEditor,
  paintedHighlights,
  scrollToElement,
  tagEditor,
  clickText,
} from '../../scripts/reader-actions';
import { storedAnnotations } from '../browser/extension-data';

/** Another article, whose notes the hostile page must never reach. */
const OTHER_ID = 'HQ2B3C4D0001875O';
const OTHER_PATH = `/dy/article/${OTHER_ID}.html`;
/** Where the hostile copy of the sample article is served (its own address, so each test starts clean). */
const HOSTILE_PATH = (n: number) => `/dy/article/${SAMPLE_ID}.html?hostile=${n}`;

const P2 = '[id="004FXWZQ"]';
const NOTE = 'secret note 42 私人筆記';
/** What the reader highlighted on the other article. */
const OTHERS_QUOTE = '這在軟件';
const TAG = 'privatetag';

/**
 * The attacker: records every key, input and message event the page can see, from the very start (capture listeners
 * on window and document), and exposes helpers the tests call through `page.evaluate` as the page's own code.
 */
const ATTACKER = `<script>
  window.__attack = { keys: [], messages: [] };
  for (const target of [window, document]) {
    for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionend', 'paste']) {
      target.addEventListener(type, (e) => __attack.keys.push(e.key ?? e.data ?? type), true);
    }
  }
  window.addEventListener('message', (e) => __attack.messages.push(JSON.stringify(e.data)), true);
  window.__attackKeys = () => [...__attack.keys];
</script>`;

/** The sample article with the attacker's script first in its <head>, plus `extra` at the end of <head>. */
const hostile = (extra = '') => fixtureHtml('dy-desktop').replace('<head>', `<head>${ATTACKER}${extra}`);

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let context: BrowserContext;
let worker: Worker;
let page: Page;
let served = 0;

/** Serves a new hostile copy and opens it as the reader; resolves once the annotator is there. */
async function openHostile(extra = ''): Promise<void> {
  served += 1;
  const path = HOSTILE_PATH(served);
  server.setPage(`www.163.com${path.split('?')[0]}`, hostile(extra));
  await page.goto(`http://www.163.com${path}`);
  await page.waitForSelector('nea-annotator', { state: 'attached' });
  await page.waitForTimeout(300);
}

/** Everything the page's script can read: every attribute and text of its DOM, open shadow roots included. */
function whatThePageSees(): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (node: Node) => {
      if (node instanceof Element) {
        for (const attr of node.attributes) out.push(attr.value);
        if (node.shadowRoot) walk(node.shadowRoot);
      } else if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
      for (const child of node.childNodes) walk(child);
    };
    walk(document);
    for (let i = 0; i < window.frames.length; i++) {
      try {
        out.push(window.frames[i].document.documentElement.outerHTML);
      } catch {
        out.push('(a frame the page cannot read)');
      }
    }
    return out.join('\n');
  });
}

const annotationsOf = async (articleId: string) =>
  (await storedAnnotations(worker)).filter((a) => a.articleId === articleId && a.deletedAt === null);

beforeAll(async () => {
  server = await startFixtureServer();
  ({ context, worker } = await launchWithExtension({ port: server.port, exposeUiToPage: false }));
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('nothing the reader writes is readable by the page', () => {
  it("reads no note, tag or typed key, while the reader's note and tag are saved", async () => {
    await openHostile();
    await scrollToElement(page, P2);
    await dragSelect(page, P2, '挺反常的');
    await page.keyboard.press('Alt+N');
    const keysBefore = await page.evaluate(() => __attackKeys());
    await noteEditor(page).click();
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => noteEditor(page).count()).toBe(0);
    await clickText(page, P2, '反常');
    const tagField = tagEditor(page).getByRole('combobox', { name: 'Add a tag' });
    await tagField.click();
    await page.keyboard.type(TAG);
    await page.keyboard.press('Enter');
    await expect.poll(() => tagEditor(page).locator('.nea-tag').allTextContents()).toEqual([`${TAG}×`]);

    // The reader's work is stored (the tag editor shows a tag as it sends it: the write may land a moment later)...
    await expect.poll(async () => (await annotationsOf(SAMPLE_ID))[0]).toMatchObject({ note: NOTE, tags: [TAG] });
    // ...and the page saw none of it: no key typed into the editors reached its listeners, and nothing in its DOM
    // (attributes, texts, frames) holds the note or the tag, with the popover open showing both.
    expect(await page.evaluate(() => __attackKeys())).toEqual(keysBefore);
    const seen = await whatThePageSees();
    expect(seen).not.toContain('secret note');
    expect(seen).not.toContain(TAG);
    // The UI's root is closed, and its editor frames are not even among the page's frames.
    expect(await page.evaluate(() => document.querySelector('nea-annotator')!.shadowRoot)).toBeNull();
    expect(await page.evaluate(() => window.frames.length)).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('hears no start-up message naming the extension', async () => {
    const messages: string[] = await page.evaluate(
      () => (window as unknown as { __attack: { messages: string[] } }).__attack.messages,
    );
    expect(messages.filter((m) => /wxt|content-script/i.test(m))).toEqual([]);
  });
});

describe("nothing is done in the reader's name", () => {
  it('makes no highlight or note from synthetic Alt+H / Alt+N on a selection the page made, and opens no popover', async () => {
    await openHostile();
    const before = (await annotationsOf(SAMPLE_ID)).length;
    await page.evaluate((p) => {
      const text = document.querySelector(p)!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 8);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      for (const code of ['KeyH', 'KeyN']) {
        document.dispatchEvent(
          new KeyboardEvent('keydown', { code, key: code.at(-1)!.toLowerCase(), altKey: true, bubbles: true }),
        );
      }
    }, P2);
    await page.waitForTimeout(500);
    expect((await annotationsOf(SAMPLE_ID)).length).toBe(before);
    expect(await page.getByRole('toolbar', { name: 'Annotation tools' }).count()).toBe(0);

    // The reader's own key press on the page's selection does nothing either: the selection is not the reader's.
    await page.waitForTimeout(1_100);
    await page.keyboard.press('Alt+H');
    await page.waitForTimeout(500);
    expect((await annotationsOf(SAMPLE_ID)).length).toBe(before);

    // A synthetic click on a highlight (the reader's '挺反常的' from the first test) opens nothing.
    await scrollToElement(page, P2);
    await page.evaluate((p) => {
      const paragraph = document.querySelector(p)!;
      const text = [...paragraph.childNodes].find((n) => n.textContent?.includes('反常'))!;
      const range = document.createRange();
      const at = text.textContent!.indexOf('反常');
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      const box = range.getBoundingClientRect();
      paragraph.dispatchEvent(new MouseEvent('click', { clientX: box.left + 2, clientY: box.top + 4, bubbles: true }));
    }, P2);
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog', { name: 'Highlight' }).count()).toBe(0);
  });

  it('does not turn the gloss on from a synthetic Alt+G', async () => {
    await page.evaluate(() =>
      document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyG', key: 'g', altKey: true, bubbles: true })),
    );
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => performance.getEntriesByName('nea:gloss-on').length)).toBe(0);
  });

  it('leaves text hidden by the page out of a quote the reader makes across it', async () => {
    await openHostile();
    await page.evaluate((p) => {
      const paragraph = document.querySelector(p)!;
      const hidden = document.createElement('span');
      hidden.style.display = 'none';
      hidden.textContent = 'INJECTED-BY-PAGE';
      const text = paragraph.firstChild as Text;
      paragraph.insertBefore(hidden, text.splitText(text.data.indexOf('反常')));
    }, P2);
    await page.waitForTimeout(400);
    const before = (await annotationsOf(SAMPLE_ID)).length;
    await scrollToElement(page, P2);
    // The reader drags over the words they see, across the hidden text.
    expect(await dragBetween(page, { selector: P2, text: '挺' }, { selector: P2, text: '反常的' })).toBe('挺反常的');
    await page.keyboard.press('Alt+H');
    // Saved, and quoted as the reader saw it: the stored quote and its context leave the hidden text out.
    await expect.poll(() => annotationsOf(SAMPLE_ID).then((a) => a.length)).toBe(before + 1);
    const targets = (await annotationsOf(SAMPLE_ID)).map((a) => JSON.stringify(a.target));
    expect(targets.some((q) => q.includes('INJECTED'))).toBe(false);
    const newest = (await annotationsOf(SAMPLE_ID)).sort((x, y) => y.createdAt - x.createdAt)[0];
    expect(newest.target).toMatchObject({ selector: [{ exact: '挺反常的' }, {}] });
  });
});

describe('the address decides the article', () => {
  it('keeps the article the page was loaded at when its script rewrites the address or declares another ID', async () => {
    // The reader annotated the other article before.
    server.setPage(`www.163.com${OTHER_PATH}`, fixtureHtml('dy-desktop'));
    await page.goto(`http://www.163.com${OTHER_PATH}`);
    await page.waitForSelector('nea-annotator', { state: 'attached' });
    await scrollToElement(page, P2);
    await dragSelect(page, P2, OTHERS_QUOTE);
    await page.keyboard.press('Alt+H');
    await expect.poll(() => annotationsOf(OTHER_ID).then((a) => a.length)).toBe(1);

    // The hostile copy of the sample article claims to be the other one, in its address and in its DOM.
    await openHostile(`<script>
      history.replaceState(null, '', '${OTHER_PATH}');
      document.addEventListener('DOMContentLoaded', () => document.querySelector('#contain')?.setAttribute('data-docid', '${OTHER_ID}'));
    </script>`);
    expect(await page.evaluate(() => location.pathname)).toBe(OTHER_PATH);
    // The other article's highlight is not shown here (the sample article's are)...
    await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toContain('挺反常的');
    expect(Object.values(await paintedHighlights(page)).flat()).not.toContain(OTHERS_QUOTE);
    const otherBefore = await annotationsOf(OTHER_ID);
    // ...and what the reader highlights here belongs to the article the page was loaded at.
    const sampleBefore = (await annotationsOf(SAMPLE_ID)).length;
    await scrollToElement(page, P2);
    await dragSelect(page, P2, '這種事');
    await page.keyboard.press('Alt+H');
    await expect.poll(() => annotationsOf(SAMPLE_ID).then((a) => a.length)).toBe(sampleBefore + 1);
    expect(await annotationsOf(OTHER_ID)).toEqual(otherBefore);
  });
});

declare global {
  /** The attacker's record of the keys it saw (defined by the hostile page's script). */
  function __attackKeys(): string[];
}
