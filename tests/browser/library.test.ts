/**
 * The annotation library and the popup's "All" view, as a reader uses them: real Chromium with the built extension,
 * highlights made on the sample article, the library opened as the extension page it is. Run after `wxt build`.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { DESKTOP_URL, SAMPLE_ID, fixtureHtml, startFixtureServer } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import {
  activeTabId,
  clickText,
  dragSelect,
  noteEditor,
  paintedHighlights,
  scrollToElement,
  tagEditor,
} from '../../scripts/reader-actions';
import { storedKnownWords } from './extension-data';
import { importFile as importLibraryFile, reportCount as libraryReportCount } from './library-import';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let article: Page;
let library: Page;

const P1 = '[id="004FXQVR"]';
const P2 = '[id="004FXWZQ"]';
const QUOTE_A = '一切都應(yīng)該是“昨天就完成”';
const QUOTE_B = '挺反常的';
const TITLE = 'xAI工程師訪談實錄：被馬斯克開除前，他說了什麼';

const painted = async (page: Page) => Object.values(await paintedHighlights(page)).flat();
const rows = (page = library) => page.locator('.library-row');
const rowWith = (text: string, page = library) => rows(page).filter({ hasText: text });
const searchBox = (page = library) =>
  page.getByRole('searchbox', { name: 'Search quotes, notes, translations, tags and titles' });

async function openArticle(page: Page) {
  await page.goto(DESKTOP_URL);
  await page.waitForSelector('nea-annotator', { state: 'attached' });
}

async function openLibrary(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await page.waitForSelector('.library-search');
  return page;
}

/** Highlights `text` in `selector` of the article tab in `color`. */
async function highlight(selector: string, text: string, color: string) {
  await scrollToElement(article, selector);
  await dragSelect(article, selector, text);
  await article.getByRole('button', { name: `Highlight ${color}` }).click();
  await eventually(() => painted(article)).toContain(text);
}

/**
 * The sample article as served here: its canonical link says `http:` like the page, so "open the article" from the
 * library reaches the local fixture server (which speaks no TLS) at the address it stored.
 */
const servedArticle = (html = fixtureHtml('dy-desktop')) =>
  server.setPage(
    `www.163.com/dy/article/${SAMPLE_ID}.html`,
    html.replaceAll('https://www.163.com/dy/', 'http://www.163.com/dy/'),
  );

/** Known words as a backup from another device carries them: words of the sample article, marked there at these times. */
const KNOWN_WORDS = [
  { word: '工程師', addedAt: Date.UTC(2024, 5, 1, 8) },
  { word: '訪談', addedAt: Date.UTC(2024, 5, 1, 9) },
];
const KNOWN_WORDS_LINE = 'Known words added (left without a gloss): 2';

/** The stored known words in word order (the store's own order is not part of what is checked). */
const knownWordsByWord = async () =>
  (await storedKnownWords(worker)).sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));

/** The library's JSON backup of everything, exported from the page as the reader does, parsed. */
async function exportBackup() {
  const download = library.waitForEvent('download');
  await library.getByRole('button', { name: 'Export…' }).click();
  const dialog = library.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByLabel('Format').selectOption('json');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const backup = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  await expect.poll(() => dialog.count()).toBe(0);
  return backup;
}

/** Imports `content` as the file `name` from the library's Import button; resolves when the report shows. */
const importFile = (name: string, content: string): Promise<Locator> => importLibraryFile(library, name, content);

/** The number the import report shows under `label`. */
const reportCount = (report: Locator, label: string) => libraryReportCount(library, report, label);

/** Polls `value` until it passes, allowing for messages between tabs and the background. */
const eventually = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 10_000 });

beforeAll(async () => {
  server = await startFixtureServer();
  servedArticle();
  ({ context, worker, extensionId } = await launchWithExtension({ port: server.port }));
  article = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('finding annotations', () => {
  it('starts from two highlights made in the page, the second with a note and a tag added in its popover', async () => {
    await openArticle(article);
    await highlight(P1, QUOTE_A, 'green');
    await highlight(P2, QUOTE_B, 'pink');
    await clickText(article, P2, '反常');
    await article.getByRole('button', { name: 'Add note' }).click();
    await noteEditor(article).fill('First principles, 物理極限');
    await article.keyboard.press('Control+Enter');
    await eventually(() => noteEditor(article).count()).toBe(0);
    await clickText(article, P2, '反常');
    const tagField = tagEditor(article).getByRole('combobox', { name: 'Add a tag' });
    await tagField.fill('musk');
    await tagField.press('Enter');
    await expect.poll(() => tagEditor(article).locator('.nea-tag').allTextContents()).toEqual(['musk×']);
    await article.keyboard.press('Escape');
    library = await openLibrary();
  });

  it('lists every annotation with its article, newest first', async () => {
    await expect.poll(() => rows().count()).toBe(2);
    const first = rows().first();
    expect(await first.locator('.library-quote').textContent()).toBe(QUOTE_B);
    expect(await first.textContent()).toContain('First principles');
    expect(await first.locator('.tag-chip').allTextContents()).toEqual(['musk']);
    expect(await first.locator('.library-article').textContent()).toContain(TITLE);
  });

  it.each([
    ['a quote, in Chinese', '昨天', [QUOTE_A], '昨天'],
    ['a note, in English whatever the case', 'FIRST', [QUOTE_B], 'First'],
    ['a tag', 'musk', [QUOTE_B], 'musk'],
    ['the article title', '馬斯克開除', [QUOTE_B, QUOTE_A], '馬斯克開除'],
    ['two words that must both occur', 'first 物理', [QUOTE_B], 'First'],
  ])('searches %s and marks the match', async (_what, query, quotes, marked) => {
    await searchBox().fill(query);
    await expect.poll(() => library.locator('.library-quote').allTextContents()).toEqual(quotes);
    expect(await rows().first().locator('mark').first().textContent()).toBe(marked);
  });

  it('says so when nothing matches, and shows everything again when the search is cleared', async () => {
    await searchBox().fill('nothing like this');
    await expect.poll(() => library.getByText('No highlights match.').count()).toBe(1);
    await searchBox().fill('');
    await expect.poll(() => rows().count()).toBe(2);
  });

  it('filters by colour, tag and date, and sorts', async () => {
    await library.getByRole('button', { name: 'Show green highlights' }).click();
    await expect.poll(() => library.locator('.library-quote').allTextContents()).toEqual([QUOTE_A]);
    await library.getByRole('button', { name: 'Show green highlights' }).click();

    await library.getByLabel('Tag', { exact: true }).selectOption('musk');
    await expect.poll(() => library.locator('.library-quote').allTextContents()).toEqual([QUOTE_B]);
    await library.getByRole('button', { name: 'Clear filters' }).click();

    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await library.getByLabel('Made from').fill(day);
    await expect.poll(() => rows().count()).toBe(0);
    await library.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count()).toBe(2);

    await library.getByLabel('Sort').selectOption('oldest');
    await expect.poll(() => library.locator('.library-quote').allTextContents()).toEqual([QUOTE_A, QUOTE_B]);
    await library.getByLabel('Sort').selectOption('newest');
  });
});

describe('changing annotations', () => {
  it('edits a note and tags, offering existing tags, and the article shows them', async () => {
    await rowWith(QUOTE_A)
      .getByRole('button', { name: `Edit note and tags: ${QUOTE_A}` })
      .click();
    const dialog = library.getByRole('dialog', { name: 'Note and tags' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('edited in the library');
    const tagField = dialog.getByRole('combobox', { name: 'Add a tag' });
    expect(
      await dialog.locator('datalist option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['musk']);
    await tagField.fill('musk');
    await tagField.press('Enter');
    await tagField.fill('速度');
    await tagField.press('Enter');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => rowWith(QUOTE_A).locator('.tag-chip').allTextContents()).toEqual(['musk', '速度']);
    expect(await rowWith(QUOTE_A).locator('.library-note').textContent()).toBe('edited in the library');

    await article.bringToFront();
    await scrollToElement(article, P1);
    await clickText(article, P1, '昨天就');
    await expect.poll(() => article.locator('.nea-note-preview').first().textContent()).toBe('edited in the library');
    await expect.poll(() => tagEditor(article).locator('.nea-tag').allTextContents()).toEqual(['musk×', '速度×']);
    await article.keyboard.press('Escape');
  });

  it('deletes one with undo, and deletes a selection with undo', async () => {
    await library.bringToFront();
    await rowWith(QUOTE_A)
      .getByRole('button', { name: `Delete highlight: ${QUOTE_A}` })
      .click();
    await eventually(() => rows().count()).toBe(1);
    await eventually(() => painted(article)).not.toContain(QUOTE_A);
    await library.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => rows().count()).toBe(2);
    await eventually(() => painted(article)).toContain(QUOTE_A);

    await library.getByRole('checkbox', { name: 'Select all shown' }).check();
    await library.getByRole('button', { name: 'Delete selected (2)' }).click();
    await expect.poll(() => rows().count()).toBe(0);
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await library.getByRole('button', { name: 'Delete selected (0)' }).isDisabled()).toBe(true);
  });

  it('updates without a reload when annotations change in the article tab', async () => {
    await highlight(P2, '我們確實(shí)會(huì)這樣做', 'blue');
    await eventually(() => rows().count()).toBe(3);
    expect(await rows().first().locator('.library-quote').textContent()).toBe('我們確實(shí)會(huì)這樣做');

    await clickText(article, P2, '確實(shí)會(huì)');
    await article.getByRole('button', { name: 'Delete highlight' }).click();
    await eventually(() => rows().count()).toBe(2);
  });
});

describe('opening an annotation in its article', () => {
  it('opens the article in a new tab when none shows it, scrolled to the highlight and flashing it', async () => {
    await article.goto('http://www.163.com/');
    const opened = context.waitForEvent('page');
    await library.getByRole('button', { name: `Open in article: ${QUOTE_B}` }).click();
    const tab = await opened;
    await tab.waitForURL(DESKTOP_URL);
    await eventually(() => tab.evaluate(() => String([...(CSS.highlights.get('nea-flash') ?? [])][0] ?? ''))).toBe(QUOTE_B);
    expect(await tab.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    article = tab;
  });

  it('focuses the tab already showing the article instead of opening another', async () => {
    await article.evaluate(() => window.scrollTo(0, 0));
    const pages = context.pages().length;
    await library.bringToFront();
    await library.getByRole('button', { name: `Open in article: ${QUOTE_A}` }).click();
    await eventually(() => article.evaluate(() => String([...(CSS.highlights.get('nea-flash') ?? [])][0] ?? ''))).toBe(QUOTE_A);
    expect(context.pages().length).toBe(pages);
    expect(await article.evaluate(() => document.visibilityState)).toBe('visible');
  });
});

describe('export', () => {
  it('saves everything as a JSON backup in the downloads, named with the date', async () => {
    await library.bringToFront();
    await library.getByRole('button', { name: 'Export…' }).click();
    const dialog = library.getByRole('dialog', { name: 'Export annotations' });
    await dialog.getByLabel('Format').selectOption('json');
    const download = library.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    // The file is saved under the dated name the export chose (Playwright keeps its own copy under another name).
    await eventually(() => library.getByRole('status').filter({ hasText: 'to your downloads' }).textContent()).toMatch(
      /^Saved netease-annotations-\d{4}-\d{2}-\d{2}\.json to your downloads\.$/,
    );
    const backup = JSON.parse(await readFile((await file.path())!, 'utf8'));
    expect(backup.format).toBe('netease-annotator');
    expect(
      backup.annotations.map((a: { target: { selector: { exact: string }[] } }) => a.target.selector[0].exact).sort(),
    ).toEqual([QUOTE_A, QUOTE_B].sort());
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('saves the selected annotations as Markdown', async () => {
    await rowWith(QUOTE_B).getByRole('checkbox').check();
    await library.getByRole('button', { name: 'Export selected…' }).click();
    const dialog = library.getByRole('dialog', { name: 'Export annotations' });
    expect(await dialog.getByRole('radio', { name: 'Selected (1)' }).isChecked()).toBe(true);
    const download = library.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    await eventually(() => library.getByRole('status').filter({ hasText: 'to your downloads' }).textContent()).toMatch(
      /^Saved netease-annotations-\d{4}-\d{2}-\d{2}-selection\.md to your downloads\.$/,
    );
    const markdown = await readFile((await file.path())!, 'utf8');
    expect(markdown).toContain(QUOTE_B);
    expect(markdown).not.toContain('昨天就完成');
    await rowWith(QUOTE_B).getByRole('checkbox').uncheck();
  });
});

describe('import', () => {
  it('merges a backup chosen in the page and reports added, updated, duplicate, rejected and known words', async () => {
    // The backup as the export writes it, then changed the way a file from another device would be.
    const backup = await exportBackup();
    expect(backup.knownWords).toEqual([]);
    expect(await storedKnownWords(worker)).toEqual([]);
    const [first, second] = backup.annotations;
    const newer = { ...first, note: 'changed on another device', updatedAt: first.updatedAt + 1000 };
    // A highlight made elsewhere on part of the first one's text: '昨天就完成' inside it.
    const at = QUOTE_A.indexOf('昨天就完成');
    const [quote, position] = first.target.selector;
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
            exact: '昨天就完成',
            prefix: (quote.prefix + QUOTE_A.slice(0, at)).slice(-32),
            suffix: (QUOTE_A.slice(at + 5) + quote.suffix).slice(0, 32),
          },
          { ...position, start: position.start + at, end: position.start + at + 5 },
        ],
      },
    };
    const broken = { ...second, id: crypto.randomUUID(), color: 'black' };
    backup.annotations = [newer, second, added, broken];
    backup.knownWords = KNOWN_WORDS;

    const report = await importFile('from-laptop.json', JSON.stringify(backup));
    expect(await reportCount(report, 'Added')).toBe('1');
    expect(await reportCount(report, 'Updated')).toBe('1');
    expect(await reportCount(report, 'Skipped (already in your library)')).toBe('1');
    expect(await reportCount(report, 'Rejected')).toBe('1');
    expect(await report.locator('.import-rejections li').textContent()).toMatch(/^Item 4: color must be one of/);
    expect(await report.getByText(KNOWN_WORDS_LINE, { exact: true }).count()).toBe(1);
    await report.getByRole('button', { name: 'Close' }).click();

    await eventually(() => rows().count()).toBe(3);
    expect(await library.getByText('changed on another device').count()).toBe(1);
    expect(await knownWordsByWord()).toEqual(KNOWN_WORDS);
  });

  it('writes the known words into its backup and brings them back from it once they are gone', async () => {
    const backup = await exportBackup();
    expect(backup.knownWords).toEqual(KNOWN_WORDS);

    // Gone as "Gloss again" removes them: through the background's own message, here from the library page.
    const cleared = await library.evaluate(
      (words) =>
        (
          window as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
        ).chrome.runtime.sendMessage({
          type: 'known-words/set',
          payload: { words, known: false },
        }),
      KNOWN_WORDS.map((k) => k.word),
    );
    expect(cleared).toEqual({ ok: true, value: [] });
    expect(await storedKnownWords(worker)).toEqual([]);

    const report = await importFile('backup.json', JSON.stringify(backup));
    expect(await reportCount(report, 'Added')).toBe('0');
    expect(await reportCount(report, 'Skipped (already in your library)')).toBe('3');
    expect(await report.getByText(KNOWN_WORDS_LINE, { exact: true }).count()).toBe(1);
    await report.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => report.count()).toBe(0);
    expect(await knownWordsByWord()).toEqual(KNOWN_WORDS);
    expect(await rows().count()).toBe(3);
  });

  it('refuses a file that is not a backup, says why, and changes nothing', async () => {
    await library
      .getByLabel('Import…')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": ') });
    const failure = library.getByRole('dialog', { name: 'Import failed' });
    await expect.poll(() => failure.count()).toBe(1);
    expect(await failure.getByRole('alert').textContent()).toMatch(
      /^notes\.json could not be imported: This file is not valid JSON/,
    );
    expect(await failure.getByText('Nothing in your library was changed.').count()).toBe(1);
    await library.keyboard.press('Escape');
    await expect.poll(() => failure.count()).toBe(0);
    expect(await rows().count()).toBe(3);
  });
});

describe('the popup', () => {
  it('lists every annotated article under All, with its source, date and count, and opens the library', async () => {
    await library.bringToFront();
    const tabId = await activeTabId(worker);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    expect(await popup.getByRole('tab', { name: 'All' }).getAttribute('aria-selected')).toBe('true');
    const item = popup.locator('.article-item');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getByRole('button', { name: `Open article: ${TITLE}` }).count()).toBe(1);
    expect(await item.locator('.article-count').textContent()).toBe('3 highlights');
    const opened = context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Library' }).click();
    const second = await opened;
    await second.waitForURL(/library\.html$/);
    await expect.poll(() => second.locator('.library-row').count()).toBe(3);
    await second.close();
    await popup.close();
  });

  it('copies the current article as Markdown from "This article"', async () => {
    await article.bringToFront();
    const tabId = await activeTabId(worker);
    const popup = await context.newPage();
    // Keep what the popup writes to the clipboard (reading the clipboard back needs a permission tests cannot grant).
    await popup.addInitScript(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string }).copied = text;
        return write(text);
      };
    });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    expect(await popup.getByRole('tab', { name: 'This article' }).getAttribute('aria-selected')).toBe('true');
    await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
    await eventually(() => popup.getByText('Copied as Markdown.').count()).toBe(1);
    const text = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(text).toContain(`> ${QUOTE_A}`);
    expect(text).toContain(TITLE);
    await popup.close();
  });
});

describe('orphans', () => {
  it('names an annotation its open article no longer contains, and re-attaches it to text the reader selects', async () => {
    // The publisher rewrote the sentence: the highlighted words are gone from the page.
    servedArticle(fixtureHtml('dy-desktop').replace(QUOTE_B, '很正常的'));
    await article.reload();
    await article.waitForSelector('nea-annotator', { state: 'attached' });
    await eventually(() => painted(article)).toContain(QUOTE_A);
    expect(await painted(article)).not.toContain(QUOTE_B);

    await library.bringToFront();
    await expect
      .poll(() => rowWith(QUOTE_B).locator('.library-orphan').textContent(), { timeout: 15_000 })
      .toBe('Not found on its page');
    await library.getByLabel(/Only those not found on their page/).check();
    await expect.poll(() => library.locator('.library-quote').allTextContents()).toEqual([QUOTE_B]);

    await rowWith(QUOTE_B)
      .getByRole('button', { name: `Re-attach: ${QUOTE_B}` })
      .click();
    const banner = article.getByRole('region', { name: 'Re-attach highlight' });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.textContent()).toContain(QUOTE_B);
    await scrollToElement(article, P2);
    await dragSelect(article, P2, '很正常的');
    await article.getByRole('toolbar', { name: 'Annotation tools' }).getByRole('button', { name: 'Attach here' }).click();
    await eventually(() => painted(article)).toContain('很正常的');
    expect(await banner.count()).toBe(0);

    await library.bringToFront();
    await expect.poll(() => library.locator('.library-orphan').count(), { timeout: 15_000 }).toBe(0);
    await library.getByLabel(/Only those not found on their page/).uncheck();
    await expect.poll(() => library.locator('.library-quote').allTextContents()).toContain('很正常的');
    // Its note and tags went with it.
    expect(await rowWith('很正常的').locator('.tag-chip').allTextContents()).toEqual(['musk']);
  });
});

describe('in Chinese, and for assistive technology', () => {
  it('names every control, in English and in Chinese', async () => {
    const unnamed = (page: Page) =>
      page.locator('button, input, select, textarea').evaluateAll((controls) =>
        controls
          .filter((c) => {
            const el = c as HTMLInputElement;
            const labelled = el.getAttribute('aria-label') || el.labels?.length || (el.textContent ?? '').trim();
            return !labelled && el.type !== 'hidden';
          })
          .map((c) => c.outerHTML.slice(0, 80)),
      );
    expect(await unnamed(library)).toEqual([]);

    const zhServer = await startFixtureServer();
    const zh = await launchWithExtension({ port: zhServer.port, locale: 'zh-CN' });
    try {
      const page = await zh.context.newPage();
      await page.goto(`chrome-extension://${zh.extensionId}/library.html`);
      await expect.poll(() => page.getByRole('heading', { name: '批注库' }).count()).toBe(1);
      expect(await page.getByRole('searchbox', { name: '搜索摘录、笔记、译文、标签和标题' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: '显示绿色高亮' }).count()).toBe(1);
      expect(await unnamed(page)).toEqual([]);
    } finally {
      await zh.context.close();
      await zhServer.close();
    }
  });
});
