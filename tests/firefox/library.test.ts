/**
 * The annotation library in Firefox, as a reader uses it: Firefox ESR with the built Firefox package, highlights made
 * on the sample article (one with a note and a tag typed in the editor frames), then the library page: search,
 * export into the downloads folder, import a changed backup. Run after `wxt build -b firefox` (npm run test:firefox).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { DESKTOP_URL, startFixtureServer } from '../../scripts/fixture-server';
import { launchFirefox, openExtensionPage } from '../../scripts/launch-firefox';
import { clickControl, clickInEditor, countControls, editorFrame, editorFrameIds, inFrame } from '../../scripts/firefox-ui';
import { clickText, dragSelect, paintedHighlights, scrollToElement } from '../../scripts/reader-actions';
import { hasFirefox } from './firefox-reader';

const firefox = hasFirefox();

const P1 = '[id="004FXQVR"]';
const P2 = '[id="004FXWZQ"]';
const QUOTE_A = '一切都應(yīng)該是“昨天就完成”';
const QUOTE_B = '挺反常的';
const NOTE = 'First principles, 物理極限';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: Browser;
let article: Page;
let library: Page;
let downloads: string;
/** The JSON backup the export test saved. */
let exported: {
  annotations: {
    id: string;
    note: string;
    updatedAt: number;
    target: { selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }] };
  }[];
};

const eventually = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 10_000 });
const quotes = () => library.$$eval('.library-quote', (found) => found.map((q) => q.textContent));

/** Highlights `text` in `selector` of the article in `color` from the selection toolbar. */
async function highlight(selector: string, text: string, color: string) {
  await scrollToElement(article, selector);
  expect(await dragSelect(article, selector, text)).toBe(text);
  await clickControl(browser, article, { name: `Highlight ${color}`, role: 'button' });
  await eventually(async () => Object.values(await paintedHighlights(article)).flat()).toContain(text);
}

/** Types `text` into the library's search box, replacing what it held, as a reader does. */
async function search(text: string) {
  await clickControl(null, library, { name: 'Search quotes, notes, translations, tags and titles', role: 'searchbox' });
  await library.keyboard.down('Control');
  await library.keyboard.press('a');
  await library.keyboard.up('Control');
  await library.keyboard.press('Backspace');
  if (text) await library.keyboard.type(text);
}

/** Exports everything in `format` from the library's Export… dialog; resolves with the saved file's name and text. */
async function exportAll(format: string): Promise<{ name: string; text: string }> {
  const before = new Set(await readdir(downloads));
  await clickControl(null, library, { name: 'Export…', role: 'button' });
  await library.waitForFunction(() => document.querySelector('dialog select') !== null);
  await library.select('dialog select', format);
  await clickControl(null, library, { name: 'Download', role: 'button', within: 'Export annotations' });
  await eventually(async () => (await readdir(downloads)).filter((f) => !before.has(f) && !f.endsWith('.part'))).toHaveLength(1);
  const [name] = (await readdir(downloads)).filter((f) => !before.has(f));
  await eventually(() => library.$$eval('[role="status"]', (found) => found.map((s) => s.textContent).join(' '))).toContain(
    `Saved ${name} to your downloads.`,
  );
  return { name, text: await readFile(join(downloads, name), 'utf8') };
}

/** The number the import report shows under `label`. */
const reportCount = (label: string) =>
  library.evaluate((label) => {
    const term = [...document.querySelectorAll('dialog dt')].find((dt) => dt.textContent === label);
    return term?.parentElement?.querySelector('dd')?.textContent ?? null;
  }, label);

beforeAll(async () => {
  if (!firefox) return;
  server = await startFixtureServer();
  ({ browser, page: article, downloads } = await launchFirefox({ port: server.port }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!firefox)('Firefox: the library', () => {
  it('starts from two highlights, the second with a note and a tag typed in its popover', async () => {
    await article.goto(DESKTOP_URL);
    await article.waitForSelector('nea-annotator');
    await highlight(P1, QUOTE_A, 'green');
    await highlight(P2, QUOTE_B, 'pink');

    await clickText(article, P2, '反常');
    // The popover is in place once its tag editor has its height.
    await editorFrame(browser, article, 'tags');
    await clickControl(browser, article, { name: 'Add note', role: 'button' });
    const note = await editorFrame(browser, article, 'note');
    await eventually(() => inFrame(browser, note, () => document.activeElement?.localName, null)).toBe('textarea');
    await article.keyboard.type(NOTE);
    await article.keyboard.down('Control');
    await article.keyboard.press('Enter');
    await article.keyboard.up('Control');
    await eventually(() => editorFrameIds(browser, article, 'note')).toEqual([]);

    await clickText(article, P2, '反常');
    await clickInEditor(browser, article, 'tags', 'input[aria-label="Add a tag"]');
    await article.keyboard.type('musk');
    await article.keyboard.press('Enter');
    const tags = await editorFrame(browser, article, 'tags');
    await eventually(() =>
      inFrame(browser, tags, () => [...document.querySelectorAll('.nea-tag')].map((t) => t.textContent), null),
    ).toEqual(['musk×']);
    await article.keyboard.press('Escape');

    library = await browser.newPage();
    await openExtensionPage(browser, library, 'library.html', '.library-search');
    await eventually(quotes).toEqual([QUOTE_B, QUOTE_A]);
    expect(await library.$eval('.library-row', (row) => row.textContent)).toContain(NOTE);
    expect(await library.$$eval('.library-row .tag-chip', (chips) => chips.map((c) => c.textContent))).toEqual(['musk']);
  });

  it.each([
    ['a quote, in Chinese', '昨天', [QUOTE_A], '昨天'],
    ['a note, whatever the case', 'FIRST', [QUOTE_B], 'First'],
    ['a tag', 'musk', [QUOTE_B], 'musk'],
    ['two words that must both occur', 'first 物理', [QUOTE_B], 'First'],
  ])('searches %s and marks the match', async (_what, query, expected, marked) => {
    await search(query);
    await eventually(quotes).toEqual(expected);
    expect(await library.$eval('.library-row mark', (mark) => mark.textContent)).toBe(marked);
  });

  it('shows everything again when the search is cleared', async () => {
    await search('');
    await eventually(quotes).toEqual([QUOTE_B, QUOTE_A]);
  });

  it('exports a JSON backup and Markdown into the downloads folder, named with the date', async () => {
    const backup = await exportAll('json');
    expect(backup.name).toMatch(/^netease-annotations-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = (exported = JSON.parse(backup.text));
    expect(parsed.format).toBe('netease-annotator');
    expect(
      parsed.annotations.map((a: { target: { selector: { exact: string }[] } }) => a.target.selector[0].exact).sort(),
    ).toEqual([QUOTE_A, QUOTE_B].sort());
    const markdown = await exportAll('markdown');
    expect(markdown.name).toMatch(/^netease-annotations-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown.text).toContain(`> ${QUOTE_A}`);
    expect(markdown.text).toContain(NOTE);
  });

  it('imports the backup, changed as on another device, chosen in the page, and reports what it added, updated and skipped', async () => {
    const backup = structuredClone(exported);
    const [first, second] = backup.annotations;
    const changed = { ...first, note: 'changed on another device', updatedAt: first.updatedAt + 1000 };
    // A highlight made elsewhere on part of the first one's text.
    const [quote, position] = first.target.selector;
    const at = quote.exact.indexOf('昨天') >= 0 ? quote.exact.indexOf('昨天') : 0;
    const part = quote.exact.slice(at, at + 2);
    const added = {
      ...first,
      id: crypto.randomUUID(),
      color: 'purple',
      note: 'only in the file',
      target: {
        ...first.target,
        selector: [
          {
            ...quote,
            exact: part,
            prefix: (quote.prefix + quote.exact.slice(0, at)).slice(-32),
            suffix: (quote.exact.slice(at + part.length) + quote.suffix).slice(0, 32),
          },
          { ...position, start: position.start + at, end: position.start + at + part.length },
        ] as [typeof quote, typeof position],
      },
    };
    backup.annotations = [changed, second, added];
    const file = join(mkdtempSync(join(tmpdir(), 'nea-import-')), 'from-laptop.json');
    await writeFile(file, JSON.stringify(backup));

    const input = (await library.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await eventually(() => countControls(null, library, { name: 'Import finished', role: 'dialog' })).toBe(1);
    expect(await reportCount('Added')).toBe('1');
    expect(await reportCount('Updated')).toBe('1');
    expect(await reportCount('Skipped (already in your library)')).toBe('1');
    await clickControl(null, library, { name: 'Close', role: 'button', within: 'Import finished' });
    await eventually(() => library.$$eval('.library-row', (rows) => rows.length)).toBe(3);
    expect(await library.evaluate(() => document.body.textContent)).toContain('changed on another device');
    expect(await library.evaluate(() => document.body.textContent)).toContain('only in the file');
  });
});
