/** Setting sync up as a reader does, on the options page's Sync section, by its labels (browser tests and the bench). */
import type { Locator, Page } from 'playwright-core';

/** What the reader types into the Sync section. */
export interface SyncFields {
  url: string;
  database: string;
  username: string;
  password: string;
  passphrase: string;
}

/** The options page's Sync section. */
export const syncSection = (options: Page): Locator => options.getByRole('region', { name: 'Sync' });

/** The Sync section's status line, as text. */
export const syncStatusText = async (options: Page): Promise<string> =>
  (await syncSection(options).getByRole('status').allInnerTexts()).join('');

/** Fills the Sync section by its labels and clicks Turn on sync (the host permission must be allowed already). */
export async function turnOnSync(options: Page, fields: SyncFields): Promise<void> {
  const section = syncSection(options);
  await section.getByLabel('Server URL', { exact: true }).fill(fields.url);
  await section.getByLabel('Database', { exact: true }).fill(fields.database);
  await section.getByLabel('User name', { exact: true }).fill(fields.username);
  await section.getByLabel('Password', { exact: true }).fill(fields.password);
  await section.getByLabel('Encryption passphrase', { exact: true }).fill(fields.passphrase);
  await section.getByRole('button', { name: 'Turn on sync' }).click();
}
