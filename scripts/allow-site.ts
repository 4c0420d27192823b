/**
 * Granting an extension's optional host permission without Chrome's prompt, which a headless browser cannot click:
 * what a reader can do on the extension's details page in chrome://extensions — allow a site — through the API behind
 * that page (`developerPrivate.addHostPermission`). Afterwards Chrome grants the extension's own
 * `permissions.request` for that site from a click without a prompt, so the extension's own path still runs.
 */
import type { BrowserContext } from 'playwright-core';

/** Allows `pattern` (e.g. `http://127.0.0.1/*`) for the extension `extensionId`, as chrome://extensions does. */
export async function allowSite(context: BrowserContext, extensionId: string, pattern: string): Promise<void> {
  const extensions = await context.newPage();
  await extensions.goto(`chrome://extensions/?id=${extensionId}`);
  await extensions.evaluate(
    ([id, host]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id, host),
    [extensionId, pattern] as const,
  );
  await extensions.close();
}
