/** What the Firefox tests do and read besides the shared reader actions: keys with Alt, tab ids, stored records. */
import type { Page } from 'puppeteer-core';
import { readObjectStore } from '../../scripts/read-object-store';
import { findFirefox } from '../../scripts/launch-firefox';

/** Whether this machine has a Firefox to run the tests in; says so once when it has none (the tests then skip). */
export function hasFirefox(): boolean {
  if (findFirefox()) return true;
  console.warn('Firefox tests skipped: no Firefox here (Debian: `sudo apt-get install firefox-esr`, or set FIREFOX_PATH).');
  return false;
}

/** Presses Alt with `key` (a lower-case letter), as a reader types the shortcut. */
export async function pressAlt(page: Page, key: string): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
  await page.keyboard.up('Alt');
}

/** The id of the tab showing `url`, asked of the browser from `extensionPage` (one of the extension's pages). */
export function articleTabId(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (url) => {
    const { tabs } = (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser;
    const [tab] = await tabs.query({ url });
    return tab.id!;
  }, url);
}

/**
 * Every record of one object store of the extension's IndexedDB, read straight from the database in `extensionPage`
 * (the extension's pages and its background share one origin, so one database).
 */
export function storedInExtension(extensionPage: Page, store: string): Promise<unknown[]> {
  return extensionPage.evaluate(readObjectStore, store);
}
