/**
 * Interchange with other annotation tools, through the library's Import… as a reader does it: a Hypothesis client
 * export and a W3C file written with the minimal context of an Apache-Annotator-based tool. Their highlights must
 * show on the article (read from the CSS highlight registry), the page note in the library, and a second import of
 * the same file must add nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP_URL, startFixtureServer } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import { paintedHighlights } from '../../scripts/reader-actions';
import { importFile as importLibraryFile, reportCount as libraryReportCount } from './library-import';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let context: BrowserContext;
let extensionId: string;
let library: Page;

/** The sample article's text, as the seed file holds it. */
const ARTICLE = readFileSync(join(__dirname, '../fixtures/netease/seed-article.txt'), 'utf8');

/** `exact` with the 32 characters of context either side that Hypothesis stores, from the article's text. */
function hypothesisQuote(exact: string) {
  const at = ARTICLE.indexOf(exact);
  return {
    type: 'TextQuoteSelector',
    exact,
    prefix: ARTICLE.slice(Math.max(0, at - 32), at),
    suffix: ARTICLE.slice(at + exact.length, at + exact.length + 32),
  };
}

const HYPOTHESIS_QUOTE = '挺反常的';
const hypothesisExport = JSON.stringify({
  export_date: '2026-01-20T10:00:00.000Z',
  export_userid: 'acct:reader@hypothes.is',
  client_version: '1.1500.0',
  annotations: [
    {
      id: 'hyp-highlight-1',
      created: '2026-01-19T08:00:00.000000+00:00',
      updated: '2026-01-19T08:05:00.000000+00:00',
      uri: DESKTOP_URL,
      text: 'Odd — **why**?',
      tags: ['xAI'],
      target: [
        {
          source: DESKTOP_URL,
          selector: [{ type: 'TextPositionSelector', start: 9000, end: 9004 }, hypothesisQuote(HYPOTHESIS_QUOTE)],
        },
      ],
      document: { title: ['xAI工程師訪談實錄'] },
    },
    {
      id: 'hyp-page-note-1',
      created: '2026-01-19T09:00:00.000000+00:00',
      updated: '2026-01-19T09:00:00.000000+00:00',
      uri: DESKTOP_URL,
      text: 'The whole interview is about speed.',
      tags: [],
      target: [{ source: DESKTOP_URL }],
    },
    {
      id: 'hyp-reply-1',
      created: '2026-01-19T10:00:00.000000+00:00',
      updated: '2026-01-19T10:00:00.000000+00:00',
      uri: DESKTOP_URL,
      text: 'Agreed.',
      references: ['hyp-highlight-1'],
      target: [{ source: DESKTOP_URL }],
    },
    {
      id: 'hyp-elsewhere-1',
      created: '2026-01-19T11:00:00.000000+00:00',
      updated: '2026-01-19T11:00:00.000000+00:00',
      uri: 'https://example.com/post',
      text: '',
      target: [{ source: 'https://example.com/post', selector: [{ type: 'TextQuoteSelector', exact: 'hello' }] }],
    },
  ],
});

/**
 * A W3C file as a minimal-context tool writes it: '訪談時' occurs twice in the article, its one-character prefix ','
 * tells which; '只招工程師' occurs once and has no context at all. No positions.
 */
const minimalW3c = JSON.stringify({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'AnnotationCollection',
  items: [
    {
      type: 'Annotation',
      target: { source: DESKTOP_URL, selector: { type: 'TextQuoteSelector', exact: '訪談時', prefix: ',' } },
    },
    {
      type: 'Annotation',
      target: {
        source: DESKTOP_URL,
        selector: { type: 'XPathSelector', value: '//p[40]', refinedBy: { type: 'TextQuoteSelector', exact: '只招工程師' } },
      },
    },
  ],
});

const importFile = (name: string, content: string): Promise<Locator> => importLibraryFile(library, name, content);
const reportCount = (report: Locator, label: string) => libraryReportCount(library, report, label);

async function closeReport(report: Locator) {
  await report.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => report.count()).toBe(0);
}

/** The article in a fresh tab, once the annotator has started. */
async function openArticle(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(DESKTOP_URL);
  await page.waitForSelector('nea-annotator', { state: 'attached' });
  return page;
}

/** Each painted range's text with the character before it, e.g. ",訪談時". */
const paintedWithPrefix = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights.values()].flatMap((h) =>
      [...h].map((r) => {
        const range = r as Range;
        const before = range.startContainer.textContent?.slice(Math.max(0, range.startOffset - 1), range.startOffset) ?? '';
        return before + range.toString();
      }),
    ),
  );

beforeAll(async () => {
  server = await startFixtureServer();
  ({ context, extensionId } = await launchWithExtension({ port: server.port }));
  library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  await library.waitForSelector('.library-search');
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('a Hypothesis export', () => {
  it('imports its NetEase annotations and page note, and reports the reply and the other site it left out', async () => {
    const report = await importFile('hypothesis.json', hypothesisExport);
    expect(await reportCount(report, 'Added')).toBe('2');
    expect(await reportCount(report, 'Rejected')).toBe('0');
    const lines = await report.locator('p').allTextContents();
    expect(lines).toContain('Of the added, notes on a whole article (page notes): 1');
    expect(lines).toContain('Replies to other annotations, not imported: 1');
    expect(lines).toContain('Not imported, not on a NetEase article: 1');
    await closeReport(report);
    const rows = library.locator('.library-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: 'The whole interview is about speed.' }).locator('.library-quote').textContent()).toBe(
      'Note on the whole article',
    );
  });

  it('shows its highlight on the article', async () => {
    const page = await openArticle();
    await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toContain(HYPOTHESIS_QUOTE);
    await page.close();
  });

  it('adds nothing when imported again', async () => {
    const report = await importFile('hypothesis.json', hypothesisExport);
    expect(await reportCount(report, 'Added')).toBe('0');
    expect(await reportCount(report, 'Skipped (already in your library)')).toBe('2');
    await closeReport(report);
    expect(await library.locator('.library-row').count()).toBe(2);
  });
});

describe('a W3C file with minimal context', () => {
  it('imports and its highlights show on the right words: the copy its one-character prefix names, the quote found once', async () => {
    const report = await importFile('minimal.jsonld', minimalW3c);
    expect(await reportCount(report, 'Added')).toBe('2');
    await closeReport(report);
    const page = await openArticle();
    await expect
      .poll(() => paintedWithPrefix(page))
      .toEqual(expect.arrayContaining([',訪談時', expect.stringMatching(/只招工程師$/)]));
    const painted = Object.values(await paintedHighlights(page)).flat();
    expect(painted.filter((text) => text === '訪談時')).toHaveLength(1);
    expect(painted).toContain(HYPOTHESIS_QUOTE);
    await page.close();
  });
});
