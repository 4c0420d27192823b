// Opens Chromium with the built extension loaded, every fixture host mapped to the local fixture server.
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium';
import { FIXTURE_HOSTS } from './fixture-server';
import { exposeClosedUi } from './expose-closed-ui';

/** Where `wxt build` puts the Chromium extension. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/**
 * Launches a persistent Chromium context with the extension; resolves with the context and the extension's id.
 * `headless: false` gives a real window for a person (needs a display).
 */
export async function launchWithExtension({
  port,
  headless = true,
  userDataDir,
  locale = 'en-US',
  exposeUiToPage = true,
}: {
  port: number;
  headless?: boolean;
  userDataDir?: string;
  locale?: string;
  /**
   * Whether the page's main world may reach the annotator's closed UI (for Playwright's text readers); false in the
   * security tests, where the page's scripts are the attacker and must stay as locked out as on a reader's machine.
   */
  exposeUiToPage?: boolean;
}) {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const rules = FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir ?? mkdtempSync(join(tmpdir(), 'nea-profile-')), {
    executablePath: findChromium(),
    headless,
    locale,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The browser's interface language, which the extension's strings (browser.i18n) follow.
      `--lang=${locale}`,
    ],
  });
  // Scripts run through tsx (demo, bench) have named functions wrapped in `__name(…)` by its transform, and
  // `page.evaluate` carries that call into the page: give test pages the identity helper it expects.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  // Playwright's locators reach the annotator's closed shadow root (its own world only, never the page's).
  const expose = { mainWorld: exposeUiToPage };
  for (const page of context.pages()) await exposeClosedUi(page, expose);
  context.on('page', (page) => void exposeClosedUi(page, expose));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker };
}
