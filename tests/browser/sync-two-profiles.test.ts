/**
 * Sync as two readers' computers do it: two Chromium profiles (two persistent contexts, the built extension in each)
 * and one pouchdb-server started here, on disk so it can be stopped and started again with its data. Everything goes
 * through the extension's own pages: the options page's Sync section by its labels, the article tab, the library.
 *
 * Granting the server's host permission: the options page's Turn on sync click calls `permissions.request` for the
 * server's one origin, which would open Chrome's prompt that a headless test cannot click. So each profile first allows
 * the site as a reader can on the extension's details page in chrome://extensions (`scripts/allow-site.ts`, the
 * `developerPrivate.addHostPermission` API behind that page); Chrome then grants the options page's own request from
 * the click without a prompt. The extension's permission check is unchanged: its own click path is what runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { startFixtureServer, DESKTOP_URL, SAMPLE_ID } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';
import { allowSite } from '../../scripts/allow-site';
import { startCouchServer, type CouchServer } from '../../scripts/couch-server';
import { dragSelect, paintedHighlights, scrollToElement } from '../../scripts/reader-actions';
import { libraryRecords } from '../../scripts/bench/library-seed';
import { syncSection, syncStatusText, turnOnSync } from '../../scripts/sync-options';
import { toJson } from '../../lib/core/formats/export/to-json';
import { SYNC_BATCH_SIZE } from '../../lib/background/sync/sync-engine';
import { storedAnnotations } from './extension-data';
import { importFile } from './library-import';
import { P1, P2, QUOTE_A, QUOTE_B } from './sample-spots';

/** One reader's computer: a browser profile with the extension, an article tab, the options page and the library. */
interface Device {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  article: Page;
  options: Page;
  library: Page;
}

/** The database both devices sync with, and the passphrase they share. */
const SHARED = { database: 'reader-notes', passphrase: 'correct horse battery staple 与 马' };
const { database: DATABASE, passphrase: PASSPHRASE } = SHARED;

let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let server: CouchServer;
/** The two computers. */
let a: Device;
let b: Device;

/** Every text that must never reach the server in clear (the article's id and the start of its title among them). */
const secrets = new Set<string>([QUOTE_A, QUOTE_B, SAMPLE_ID, 'xAI工程師訪談實錄']);

async function openDevice(port: number): Promise<Device> {
  const { context, worker, extensionId } = await launchWithExtension({ port });
  await allowSite(context, extensionId, 'http://127.0.0.1/*');
  const article = context.pages()[0] ?? (await context.newPage());
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  return { context, worker, extensionId, article, options, library };
}

const statusText = (device: Device) => syncStatusText(device.options);

/** Turns sync on from the device's options page with the test server and `passphrase`. */
const turnOn = (device: Device, passphrase: string) =>
  turnOnSync(device.options, { url: server.url, database: DATABASE, ...server.admin, passphrase });

/**
 * Clicks Sync now and waits for that round's answer (the buttons wait while it runs) to say it finished well: the
 * status line alone may still show an earlier round's "Synced".
 */
async function syncNow(device: Device) {
  const button = syncSection(device.options).getByRole('button', { name: 'Sync now' });
  await button.click();
  await expect
    .poll(async () => (await button.isEnabled()) && /^Synced at /.test(await statusText(device)), { timeout: 20_000 })
    .toBe(true);
}

const painted = async (page: Page) => Object.values(await paintedHighlights(page)).flat();

async function openArticle(device: Device) {
  await device.article.bringToFront();
  await device.article.goto(DESKTOP_URL);
  await device.article.waitForSelector('nea-annotator', { state: 'attached' });
}

async function highlight(device: Device, selector: string, text: string, color: string) {
  await device.article.bringToFront();
  await scrollToElement(device.article, selector);
  expect(await dragSelect(device.article, selector, text)).toBe(text);
  await device.article.getByRole('button', { name: `Highlight ${color}` }).click();
  await expect.poll(() => painted(device.article)).toContain(text);
}

const rowWith = (device: Device, quote: string) => device.library.locator('.library-row').filter({ hasText: quote });

/** Edits an annotation's note and/or adds a tag through the library's dialog. */
async function editInLibrary(device: Device, quote: string, { note, tag }: { note?: string; tag?: string }) {
  await device.library.bringToFront();
  await rowWith(device, quote)
    .getByRole('button', { name: `Edit note and tags: ${quote}` })
    .click();
  const dialog = device.library.getByRole('dialog', { name: 'Note and tags' });
  if (note !== undefined) await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  if (tag !== undefined) {
    const field = dialog.getByRole('combobox', { name: 'Add a tag' });
    await field.fill(tag);
    await field.press('Enter');
  }
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

/** The stored annotation on `quote`, read straight from the device's database. */
const storedWith = async (device: Device, quote: string) =>
  (await storedAnnotations(device.worker)).find((item) => JSON.stringify(item.target).includes(quote));

/** The server's documents as its HTTP API gives them, and its database's sequence. */
async function serverDocuments(): Promise<{ text: string; count: number; seq: string }> {
  const auth = `Basic ${Buffer.from(`${server.admin.username}:${server.admin.password}`).toString('base64')}`;
  const all = await fetch(`${server.url}/${DATABASE}/_all_docs?include_docs=true&conflicts=true`, {
    headers: { Authorization: auth },
  });
  const info = (await (await fetch(`${server.url}/${DATABASE}`, { headers: { Authorization: auth } })).json()) as {
    doc_count: number;
    update_seq: unknown;
  };
  return { text: await all.text(), count: info.doc_count, seq: JSON.stringify(info.update_seq) };
}

const texts = (locator: Locator) => locator.allTextContents();

beforeAll(async () => {
  fixtures = await startFixtureServer();
  server = await startCouchServer({ onDisk: true });
  a = await openDevice(fixtures.port);
  b = await openDevice(fixtures.port);
});

afterAll(async () => {
  await a?.context.close();
  await b?.context.close();
  await server?.stop();
  await fixtures?.close();
});

describe('sync between two browser profiles through one server', () => {
  it('A turns sync on from the options page, creating the missing database when offered', async () => {
    await openArticle(a);
    await highlight(a, P2, QUOTE_B, 'blue');
    await a.options.bringToFront();
    await turnOn(a, PASSPHRASE);
    await expect.poll(() => statusText(a)).toBe('Sync failed: The database does not exist on this server. Create it?');
    await syncSection(a.options).getByRole('button', { name: 'Create the database' }).click();
    await expect.poll(() => statusText(a), { timeout: 20_000 }).toMatch(/^Synced at /);
    expect(await syncSection(a.options).getByText(`Syncing with ${DATABASE} on ${server.url} as admin.`).count()).toBe(1);
    expect((await serverDocuments()).count).toBeGreaterThan(1);
  });

  it('B with a wrong passphrase is refused, and nothing is written on either side', async () => {
    const before = await serverDocuments();
    await b.options.bringToFront();
    await turnOn(b, 'not the passphrase');
    await expect
      .poll(() => statusText(b), { timeout: 20_000 })
      .toBe('Sync failed: This is not the encryption passphrase this database was set up with. Nothing was changed.');
    expect(await syncSection(b.options).getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
    expect(await serverDocuments()).toEqual(before);
    expect(await storedAnnotations(b.worker)).toEqual([]);
  });

  it('B with the right passphrase gets everything A had', async () => {
    await turnOn(b, PASSPHRASE);
    await expect.poll(() => statusText(b), { timeout: 20_000 }).toMatch(/^Synced at /);
    expect((await storedWith(b, QUOTE_B))?.deletedAt).toBe(null);
    await openArticle(b);
    await expect.poll(() => painted(b.article)).toEqual([QUOTE_B]);
  });

  it("shows a highlight made on A on B's open article without a reload", async () => {
    // A mark in the page's main world: a reload would lose it.
    await b.article.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
    await openArticle(a);
    await highlight(a, P1, QUOTE_A, 'green');
    await expect.poll(() => painted(b.article), { timeout: 15_000 }).toContain(QUOTE_A);
    expect(await b.article.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect((await paintedHighlights(b.article))['nea-green']).toEqual([QUOTE_A]);
  });

  it('keeps a note edited on A and a tag added on B while the server was down', async () => {
    await server.pause();
    await editInLibrary(a, QUOTE_A, { note: 'written offline on A' });
    await editInLibrary(b, QUOTE_A, { tag: 'offline-b' });
    await a.options.bringToFront();
    await expect
      .poll(() => statusText(a), { timeout: 20_000 })
      .toMatch(/^Offline: (1 change|[1-9]\d+ changes|[2-9] changes) waiting\./);
    await server.resume();
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    for (const device of [a, b]) {
      expect(await storedWith(device, QUOTE_A)).toMatchObject({ note: 'written offline on A', tags: ['offline-b'] });
    }
    secrets.add('written offline on A').add('offline-b');
  });

  it('on a same-field conflict keeps the later edit and offers the other in the library with Restore', async () => {
    await server.pause();
    await editInLibrary(a, QUOTE_A, { note: 'the note from A' });
    await editInLibrary(b, QUOTE_A, { note: 'the note from B, written later' });
    secrets.add('the note from A').add('the note from B, written later');
    await server.resume();
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    for (const device of [a, b]) {
      // The tag B added before stays: neither note edit wrote the tags back.
      expect(await storedWith(device, QUOTE_A)).toMatchObject({ note: 'the note from B, written later', tags: ['offline-b'] });
    }

    await a.library.bringToFront();
    await rowWith(a, QUOTE_A)
      .getByRole('button', { name: `Earlier versions: ${QUOTE_A}` })
      .click();
    const dialog = a.library.getByRole('dialog', { name: 'Earlier versions' });
    // Newest first: the losing edit, then the values it had before (the empty note and tags it was made with). The
    // library reads the history again when it hears of the round, which may come just after the dialog opens.
    await expect
      .poll(() => texts(dialog.getByRole('listitem')), { timeout: 10_000 })
      .toEqual([
        expect.stringMatching(/^Note the note from A .+, on this device Restore$/),
        expect.stringMatching(/^Note written offline on A .+, on this device Restore$/),
        expect.stringMatching(/^Note \(no note\) .+, on this device Restore$/),
        expect.stringMatching(/^Tags \(no tags\) .+, on this device Restore$/),
      ]);
    await dialog.getByRole('button', { name: 'Restore note: the note from A' }).click();
    await expect.poll(async () => (await storedWith(a, QUOTE_A))?.note).toBe('the note from A');
    // The value B wrote is now itself an earlier version.
    await expect
      .poll(() => texts(dialog.getByRole('listitem')), { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/^Note the note from B, written later .+, on another device Restore$/));
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(async () => (await storedWith(b, QUOTE_A))?.note, { timeout: 15_000 }).toBe('the note from A');
  });

  it("propagates a delete and its undo to B's open article", async () => {
    await a.library.bringToFront();
    await rowWith(a, QUOTE_A)
      .getByRole('button', { name: `Delete highlight: ${QUOTE_A}` })
      .click();
    await expect.poll(() => painted(b.article), { timeout: 15_000 }).toEqual([QUOTE_B]);
    expect((await storedWith(b, QUOTE_A))?.deletedAt).toEqual(expect.any(Number));
    await a.library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => painted(b.article), { timeout: 15_000 }).toContain(QUOTE_A);
    expect((await storedWith(b, QUOTE_A))?.deletedAt).toBe(null);
  });

  it('keeps a highlight deleted on A and edited later on B, and both libraries say so', async () => {
    await server.pause();
    await a.library.bringToFront();
    await rowWith(a, QUOTE_B)
      .getByRole('button', { name: `Delete highlight: ${QUOTE_B}` })
      .click();
    await expect.poll(() => rowWith(a, QUOTE_B).count()).toBe(0);
    await editInLibrary(b, QUOTE_B, { note: 'edited after the delete' });
    secrets.add('edited after the delete');
    await server.resume();
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    for (const device of [a, b]) {
      expect(await storedWith(device, QUOTE_B)).toMatchObject({ deletedAt: null, note: 'edited after the delete' });
    }
    await expect
      .poll(() => rowWith(b, QUOTE_B).locator('.library-kept').allTextContents())
      .toEqual(['Kept after a delete on another device']);
    await expect
      .poll(() => rowWith(a, QUOTE_B).locator('.library-kept').allTextContents())
      .toEqual(['Kept: edited on another device after you deleted it here']);
  });

  it('loses nothing and applies nothing twice when the server stops mid-sync and comes back', async () => {
    // Three batches' worth, so that the server can be stopped after the first while the rest is still being sent.
    const { articles, annotations } = libraryRecords(30, Math.ceil((3 * SYNC_BATCH_SIZE) / 30));
    const start = (await serverDocuments()).count;
    const expected = start + articles.length + annotations.length;
    await a.library.bringToFront();
    const report = await importFile(a.library, 'other-reader.json', toJson({ annotations, articles }, new Date()));
    await report.getByRole('button', { name: 'Close' }).click();
    // Stopped as soon as the first batch is on the server, while the rest is still being sent.
    let seen = start;
    await expect
      .poll(async () => (seen = (await serverDocuments()).count), { interval: 20, timeout: 20_000 })
      .toBeGreaterThan(start);
    await server.pause();
    expect(seen).toBeLessThan(expected);
    await server.resume();
    await a.options.bringToFront();
    await syncNow(a);
    expect((await serverDocuments()).count).toBe(expected);
    await b.options.bringToFront();
    await syncNow(b);
    const ids = (device: Device) => storedAnnotations(device.worker).then((list) => list.map((item) => item.id).sort());
    const onA = await ids(a);
    expect(onA).toHaveLength(annotations.length + 2);
    expect(await ids(b)).toEqual(onA);
    for (const annotation of annotations.slice(0, 20)) secrets.add(annotation.target.selector[0]!.exact);
    for (const note of new Set(annotations.map((item) => item.note).filter(Boolean))) secrets.add(note);
  });

  it("holds none of the quotes, notes, tags, titles or article ids in clear in the server's documents", async () => {
    const { text, count } = await serverDocuments();
    expect(count).toBeGreaterThan(1_500);
    for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
    // What is in clear: the meta document's salt and key check, and sealed documents.
    expect(text).toContain('nea-sync-meta');
  });

  it("keeps the live feed with only B's article tab open", async () => {
    await b.options.close();
    await b.library.close();
    // Longer than one long poll (25 s): the feed has asked since whether anyone is looking, and the tab alone said yes.
    // (The test's own connection to the worker may keep it awake, so this does not show the worker's idle lifetime.)
    await new Promise((done) => setTimeout(done, 30_000));
    await a.library.bringToFront();
    await rowWith(a, QUOTE_A)
      .getByRole('button', { name: `Delete highlight: ${QUOTE_A}` })
      .click();
    await expect.poll(() => painted(b.article), { timeout: 15_000 }).not.toContain(QUOTE_A);
    await a.library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => painted(b.article), { timeout: 15_000 }).toContain(QUOTE_A);
  }, 90_000);
});
