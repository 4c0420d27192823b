/**
 * Sync in Firefox, as a reader uses it: the built Firefox package in Firefox ESR (its background page runs sync), a
 * pouchdb-server started here, and a second device in Node — the same sync engine over a memory store — that set the
 * database up first. Sync is turned on from the options page by its labels (a wrong passphrase first, refused); a
 * highlight made on the article reaches the server sealed; a highlight the other device writes appears on the open
 * article without a reload (the live feed) and in the library.
 *
 * The Turn on sync click asks for the server's host permission (`permissions.request`); Firefox is launched with
 * `extensions.webextOptionalPermissionPrompts` off, so the request made from the click is granted without the prompt
 * a headless browser cannot answer. The server is on loopback and reached directly, past the fixture proxy.
 * Run after `wxt build -b firefox` (npm run test:firefox).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { DESKTOP_URL, SAMPLE_ID, startFixtureServer } from '../../scripts/fixture-server';
import { launchFirefox, openExtensionPage } from '../../scripts/launch-firefox';
import { startCouchServer, type CouchServer } from '../../scripts/couch-server';
import { clickControl } from '../../scripts/firefox-ui';
import { dragSelect, paintedHighlights, scrollToElement } from '../../scripts/reader-actions';
import type { CouchConfig } from '../../lib/background/sync/couch-client';
import type { Annotation } from '../../lib/core/model/annotation';
import { device, unlock, type Device } from '../unit/sync/couch-harness';
import { P2, QUOTE_A, QUOTE_B } from '../browser/sample-spots';
import { hasFirefox } from './firefox-reader';
import { clickSyncButton, syncButtonEnabled, syncStatusInFirefox, turnOnSyncInFirefox } from './firefox-sync';

const firefox = hasFirefox();

/** The database the other device set up, and its passphrase. */
const DATABASE = 'reader-notes';
const PASSPHRASE = 'correct horse battery staple 与 马';
const NOTE_FROM_LAPTOP = 'written on the laptop, 在另一台电脑上';
/** The laptop's later edits of that note, made while only the extension's pages are open in Firefox. */
const LATER_NOTES = ['edited on the laptop, 第一次', 'edited on the laptop again, 第二次'];
/** A third passage of the article's second paragraph, highlighted while the server is down. */
const QUOTE_C = '我們確實(shí)會(huì)這樣做';
/** Every text that must never reach the server in clear (the article's id and the start of its title among them). */
const secrets = [QUOTE_A, QUOTE_B, QUOTE_C, SAMPLE_ID, 'xAI工程師訪談實錄', NOTE_FROM_LAPTOP, ...LATER_NOTES];

let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let server: CouchServer;
let config: CouchConfig;
/** The other device: the engine in Node, which set the database up with the passphrase. */
let laptop: Device;
/** Firefox, its article tab, its options page and (once opened) its library. */
let browser: Browser, article: Page, options: Page, library: Page;
/** The highlight the laptop wrote. */
let written: Annotation;

const eventually = <T>(value: () => Promise<T> | T, timeout = 10_000) => expect.poll(value, { timeout, interval: 250 });
const painted = async () => Object.values(await paintedHighlights(article)).flat();
const status = () => syncStatusInFirefox(options);
const quoteOf = (annotation: Annotation) => annotation.target.selector[0]?.exact;
/** The fixture server's NetEase home page: a 163.com page that is no article. */
const FIXTURE_HOME = 'http://www.163.com/';

/** Highlights `text` in the article's paragraph `selector` in `color` from the selection toolbar. */
async function highlight(selector: string, text: string, color: string) {
  // In front, as a reader's tab is: Firefox slows a background tab's animation frames, which the clicks wait for.
  await article.bringToFront();
  await scrollToElement(article, selector);
  expect(await dragSelect(article, selector, text)).toBe(text);
  await clickControl(browser, article, { name: `Highlight ${color}`, role: 'button' });
  await eventually(painted).toContain(text);
}

/** The optional host permissions the extension holds, asked of Firefox from the options page. */
const grantedOrigins = () =>
  options.evaluate(async () => {
    const { permissions } = (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser;
    const { origins = [] } = await permissions.getAll();
    return origins.filter((origin) => !origin.includes('163.com'));
  });

/** What the library page shows, as text. */
const libraryText = () => library.evaluate(() => document.body.textContent ?? '');

/** The laptop's annotations after a round with the server. */
async function onLaptop(): Promise<Annotation[]> {
  await laptop.engine.round();
  return [...laptop.store.all('annotation').values()] as Annotation[];
}

/** The server's documents as its HTTP API gives them, and how many there are. */
async function serverDocuments(): Promise<{ text: string; count: number }> {
  const auth = `Basic ${Buffer.from(`${server.admin.username}:${server.admin.password}`).toString('base64')}`;
  const all = await fetch(`${server.url}/${DATABASE}/_all_docs?include_docs=true&conflicts=true`, {
    headers: { Authorization: auth },
  });
  const text = await all.text();
  return { text, count: (JSON.parse(text) as { rows: unknown[] }).rows.length };
}

beforeAll(async () => {
  if (!firefox) return;
  fixtures = await startFixtureServer();
  // On disk, so it can be stopped and started again with its data.
  server = await startCouchServer({ onDisk: true });
  await server.createDatabase(DATABASE);
  config = { url: server.url, database: DATABASE, ...server.admin };
  laptop = device('laptop', config, await unlock(config, PASSPHRASE), Date.now());
  ({ browser, page: article } = await launchFirefox({
    port: fixtures.port,
    direct: [new URL(server.url).host],
    grantOptionalPermissions: true,
  }));
  options = await browser.newPage();
  await openExtensionPage(browser, options, 'options.html', 'section.sync');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fixtures?.close();
});

describe.skipIf(!firefox)('Firefox: sync with a CouchDB server another device set up', () => {
  it('asks for access to that one server, then refuses the wrong passphrase with a clear message and writes nothing', async () => {
    const before = await serverDocuments();
    expect(await grantedOrigins()).toEqual([]);
    await turnOnSyncInFirefox(options, { ...config, passphrase: 'not the passphrase' });
    await eventually(status, 20_000).toBe(
      'Sync failed: This is not the encryption passphrase this database was set up with. Nothing was changed.',
    );
    expect(await syncButtonEnabled(options, 'Sync now')).toBe(false);
    expect(await serverDocuments()).toEqual(before);
    expect(await grantedOrigins()).toEqual([`${server.url}/*`]);
  });

  it('turns sync on from the options page by its labels and says when it synced', async () => {
    await turnOnSyncInFirefox(options, { ...config, passphrase: PASSPHRASE });
    await eventually(status, 20_000).toMatch(/^Synced at /);
    expect(await options.$eval('section.sync', (section) => section.textContent)).toContain(
      `Syncing with ${DATABASE} on ${server.url} as admin.`,
    );
    expect(await syncButtonEnabled(options, 'Sync now')).toBe(true);
  });

  it('sends a highlight made on the article to the server, where the other device reads it', async () => {
    await article.goto(DESKTOP_URL);
    await article.waitForSelector('nea-annotator');
    await highlight(P2, QUOTE_B, 'blue');
    await eventually(async () => (await onLaptop()).map(quoteOf), 20_000).toEqual([QUOTE_B]);
    const [sent] = await onLaptop();
    expect(sent).toMatchObject({ articleId: SAMPLE_ID, color: 'blue', deletedAt: null });
    expect(laptop.store.all('article').get(SAMPLE_ID)).toMatchObject({ title: expect.stringContaining('xAI工程師訪談實錄') });
  });

  it('shows a highlight written by the other device on the open article without a reload, and in the library', async () => {
    // A mark in the page's main world: a reload would lose it.
    await article.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
    const [sent] = await onLaptop();
    written = {
      ...sent!,
      id: crypto.randomUUID(),
      color: 'green',
      note: NOTE_FROM_LAPTOP,
      target: {
        ...sent!.target,
        selector: [
          { type: 'TextQuoteSelector', exact: QUOTE_A, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: QUOTE_A.length },
        ],
      },
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    await laptop.store.write('annotation', written.id, written);
    await laptop.engine.round();
    await eventually(() => paintedHighlights(article), 15_000).toEqual({ 'nea-blue': [QUOTE_B], 'nea-green': [QUOTE_A] });
    expect(await article.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);

    library = await browser.newPage();
    await openExtensionPage(browser, library, 'library.html', '.library-search');
    await eventually(() => library.$$eval('.library-quote', (found) => found.map((q) => q.textContent).sort())).toEqual(
      [QUOTE_A, QUOTE_B].sort(),
    );
    expect(await libraryText()).toContain(NOTE_FROM_LAPTOP);
  });

  it("keeps the live feed while only the extension's pages are open, and the library shows each edit", async () => {
    // No tab shows an article now: the options page's port alone keeps the feed going after the first edit's round.
    await article.goto(FIXTURE_HOME);
    for (const note of LATER_NOTES) {
      written = { ...written, note, updatedAt: Date.now() };
      await laptop.store.write('annotation', written.id, written);
      await laptop.engine.round();
      await eventually(libraryText, 15_000).toContain(note);
    }
  });

  it('keeps working with the server down, says how many changes wait, and sends them on Sync now once it is back', async () => {
    await article.goto(DESKTOP_URL);
    await article.waitForSelector('nea-annotator');
    await server.pause();
    await highlight(P2, QUOTE_C, 'purple');
    await eventually(status, 20_000).toMatch(
      /^Offline: (1 change waiting\. It goes|([2-9]|[1-9]\d+) changes waiting\. They go) when the server is back\.$/,
    );
    await server.resume();
    await clickSyncButton(options, 'Sync now');
    await eventually(status, 20_000).toMatch(/^Synced at /);
    await eventually(async () => (await onLaptop()).map(quoteOf).sort(), 20_000).toEqual([QUOTE_A, QUOTE_B, QUOTE_C].sort());
  });

  it('turns sync off and keeps every highlight on this computer', async () => {
    await clickSyncButton(options, 'Turn off sync');
    await eventually(status).toBe('Sync is off.');
    expect(await syncButtonEnabled(options, 'Sync now')).toBe(false);
    await article.bringToFront();
    await article.reload();
    await article.waitForSelector('nea-annotator');
    await eventually(async () => (await painted()).sort()).toEqual([QUOTE_A, QUOTE_B, QUOTE_C].sort());
  });

  it("holds none of the quotes, notes, titles or article ids in clear in the server's documents", async () => {
    const { text, count } = await serverDocuments();
    // The meta document, the article and the three annotations.
    expect(count).toBeGreaterThanOrEqual(5);
    for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
    expect(text).toContain('nea-sync-meta');
  });
});
