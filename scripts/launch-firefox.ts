// Opens Debian's Firefox ESR over WebDriver BiDi (puppeteer-core) with the built Firefox package installed as a
// temporary add-on, every http:// host sent to the local fixture server (Firefox has no --host-resolver-rules: the
// server is its HTTP proxy, so pages keep their real 163.com URLs).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Where `wxt build -b firefox` puts the Firefox package. */
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');

/** The add-on id the built package declares (`browser_specific_settings.gecko.id`, set in wxt.config.ts). */
const addonId = (): string =>
  JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;

/**
 * The add-on's internal UUID, fixed before it is installed (`extensions.webextensions.uuids`), so its pages have a
 * known address: `moz-extension://<uuid>/popup.html`. Firefox otherwise picks a random one per profile.
 */
const ADDON_UUID = '6f1c0a52-3d43-4a3e-9d0b-5b2a3c9e7d11';

/** The origin of the extension's pages in the launched Firefox. */
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox executable to drive (`FIREFOX_PATH` first), or undefined when there is none. */
export const findFirefox = (): string | undefined =>
  [process.env.FIREFOX_PATH, ...CANDIDATES].find((path): path is string => !!path && existsSync(path));

/** A desktop window, as the Chromium tests use. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 };

/** How to launch Firefox for a test. */
export interface FirefoxLaunch {
  /** The fixture server's port: every connection goes there. */
  port: number;
  /**
   * Loopback servers reached directly instead, as `127.0.0.1:PORT` (a test's own CouchDB server): the proxy would
   * answer them from the fixtures.
   */
  direct?: readonly string[];
  /**
   * Grants the extension's `permissions.request` from a click without Firefox's prompt (which a headless test cannot
   * answer): the pref Firefox's own tests use. The request itself still runs, and still needs the reader's click.
   */
  grantOptionalPermissions?: boolean;
}

/**
 * Launches Firefox with the extension, every connection sent to the fixture server on `port` but the `direct` ones.
 * Resolves with the browser, its first tab and the folder downloads are saved to (the extension's exports land there
 * without a dialog).
 */
export async function launchFirefox({ port, direct = [], grantOptionalPermissions = false }: FirefoxLaunch) {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox was not found: install `firefox-esr` or set FIREFOX_PATH.');
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built Firefox package in ${FIREFOX_EXTENSION_DIR}: run \`npx wxt build -b firefox\` first.`);
  }
  const downloads = mkdtempSync(join(tmpdir(), 'nea-firefox-downloads-'));
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: DESKTOP_VIEWPORT,
    // Lets WebDriver open the extension's own pages (moz-extension:), which it refuses by default.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Every connection goes to the fixture server, https ones too (it refuses them): nothing leaves loopback. The
      // `direct` servers are on loopback too.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': direct.join(', '),
      'network.proxy.allow_hijacking_localhost': true,
      'extensions.webextensions.uuids': JSON.stringify({ [addonId()]: ADDON_UUID }),
      // The interface language the extension's strings (browser.i18n) follow: the tests read the English ones.
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US',
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      ...(grantOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const [page] = await browser.pages();
  return { browser, page, downloads };
}

/** The WebDriver BiDi id of `page`'s top-level browsing context (puppeteer keeps it as its main frame's id). */
export const contextId = (page: Page): string => (page.mainFrame() as unknown as { _id: string })._id;

/** Sends a raw WebDriver BiDi command on `browser`'s session (for what puppeteer has no method for). */
export function bidi<T = unknown>(browser: Browser, method: string, params: object): Promise<T> {
  const connection = (browser as unknown as { connection: { send: (m: string, p: object) => Promise<{ result: T }> } })
    .connection;
  return connection.send(method, params).then((answer) => answer.result);
}

/**
 * Opens the extension page `path` (e.g. `popup.html?tab=3`) in `page`: navigated through BiDi without waiting for
 * puppeteer's load events (which it does not report for extension pages), then waits until `ready` is in it.
 */
export async function openExtensionPage(browser: Browser, page: Page, path: string, ready: string): Promise<void> {
  await bidi(browser, 'browsingContext.navigate', {
    context: contextId(page),
    url: `${EXTENSION_ORIGIN}/${path}`,
    wait: 'complete',
  });
  await page.waitForFunction((selector) => document.querySelector(selector) !== null, {}, ready);
}
