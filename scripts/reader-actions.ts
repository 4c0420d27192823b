// What a reader does with a mouse and keyboard, for the demo tour and the browser tests: on Playwright's pages
// (Chromium) and on puppeteer's (Firefox over WebDriver BiDi), whose mouse input is real (trusted) input in both.
import type { Page, Worker } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** A page of either driver: Playwright's (Chromium) or puppeteer's (Firefox over WebDriver BiDi). */
export type ReaderPage = Page | PuppeteerPage;

/** Runs `fn(arg)` in `page`: both drivers take a function and one serializable argument the same way. */
const run = <A, R>(page: ReaderPage, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> =>
  (page as unknown as { evaluate(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> }).evaluate(fn, arg);

/** Where a drag starts or ends: the first occurrence of `text` inside the element matching `selector`. */
export interface TextSpot {
  selector: string;
  text: string;
}

/**
 * Drags the mouse over `text` inside the element matching `selector` (its first occurrence), as a reader selects it.
 * Resolves with the text the page then has selected.
 */
export function dragSelect(page: ReaderPage, selector: string, text: string): Promise<string> {
  return dragBetween(page, { selector, text }, { selector, text });
}

/**
 * Drags the mouse from the first character of `from` to the last character of `to` (which may be in another element,
 * e.g. the next paragraph), as a reader selects across them. Resolves with the text the page then has selected.
 */
export async function dragBetween(page: ReaderPage, from: TextSpot, to: TextSpot): Promise<string> {
  const box = await run(
    page,
    ({ from, to }) => {
      /** The point just inside the first (`start`) or last (`end`) character of `spot.text`. */
      const point = ({ selector, text }: { selector: string; text: string }, side: 'start' | 'end') => {
        const el = document.querySelector(selector);
        if (!el) throw new Error(`no element ${selector}`);
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let full = '';
        const nodes: [Text, number][] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push([n as Text, full.length]);
          full += (n as Text).data;
        }
        const at = full.indexOf(text);
        if (at < 0) throw new Error(`text not found in ${selector}: ${text}`);
        const offset = side === 'start' ? at : at + text.length - 1;
        const [node, start] = nodes.findLast(([, s]) => s <= offset)!;
        const r = document.createRange();
        const local = Math.min(offset - start, node.data.length - 1);
        r.setStart(node, local);
        r.setEnd(node, local + 1);
        const rect = r.getClientRects()[0];
        return { x: side === 'start' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
      };
      return { first: point(from, 'start'), last: point(to, 'end') };
    },
    { from, to },
  );
  await page.mouse.move(box.first.x, box.first.y);
  await page.mouse.down();
  await page.mouse.move((box.first.x + box.last.x) / 2, (box.first.y + box.last.y) / 2, { steps: 4 });
  await page.mouse.move(box.last.x, box.last.y, { steps: 4 });
  await page.mouse.up();
  return run(page, () => document.getSelection()?.toString() ?? '', null);
}

/** Scrolls `selector` into the middle of the window first, so a drag over it is on screen. */
export async function scrollToElement(page: ReaderPage, selector: string): Promise<void> {
  await run(page, (s) => document.querySelector(s)?.scrollIntoView({ block: 'center' }), selector);
}

/** The text of every painted highlight, per colour (read from the CSS highlight registry). */
export function paintedHighlights(page: ReaderPage): Promise<Record<string, string[]>> {
  return run(
    page,
    () => {
      const out: Record<string, string[]> = {};
      for (const [name, highlight] of CSS.highlights) {
        out[name] = [...highlight].map((range) => String(range));
      }
      return out;
    },
    null,
  );
}

/** Clicks the middle of the first occurrence of `text` inside `selector`. */
export async function clickText(page: ReaderPage, selector: string, text: string): Promise<void> {
  const point = await run(
    page,
    ({ selector, text }) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no element ${selector}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(text);
        if (i >= 0) {
          const r = document.createRange();
          const mid = i + Math.floor(text.length / 2);
          r.setStart(n, mid);
          r.setEnd(n, mid + 1);
          const rect = r.getClientRects()[0];
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      throw new Error(`text not found: ${text}`);
    },
    { selector, text },
  );
  await page.mouse.click(point.x, point.y);
}

/** The id of the active tab, asked of the extension's service worker (the popup is opened for that tab). */
export function activeTabId(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    const [tab] = await tabs.query({ active: true });
    return tab.id!;
  });
}

/**
 * The note editor's text field: it lives in the annotator's editor frame (an extension page inside the page), so it is
 * found through that frame.
 */
export const noteEditor = (page: Page) =>
  page.frameLocator('iframe.nea-editor-frame[title="Note"]').getByRole('textbox', { name: 'Note' });

/** The highlight popover's tag editor: like the note editor, a frame of the extension's own page. */
export const tagEditor = (page: Page) => page.frameLocator('iframe.nea-editor-frame[title="Tags"]');
