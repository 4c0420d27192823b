/**
 * The options page's Sync section in Firefox, as a reader uses it: fields found by their labels, clicked and typed
 * into with real input, the buttons clicked with the mouse (the Firefox counterpart of scripts/sync-options.ts).
 */
import type { Page } from 'puppeteer-core';
import type { SyncFields } from '../../scripts/sync-options';
import { clickControl } from '../../scripts/firefox-ui';

/** The Sync section's form, by its accessible name. */
const SYNC_FORM = 'Sync set-up';

/** Clicks the field labelled `label` and types `text` over what it held. */
async function typeInto(options: Page, label: string, text: string): Promise<void> {
  await clickControl(null, options, { name: label, role: 'textbox', within: SYNC_FORM });
  await options.keyboard.down('Control');
  await options.keyboard.press('a');
  await options.keyboard.up('Control');
  await options.keyboard.press('Backspace');
  await options.keyboard.type(text);
}

/** Fills the Sync section by its labels and clicks Turn on sync. */
export async function turnOnSyncInFirefox(options: Page, fields: SyncFields): Promise<void> {
  await typeInto(options, 'Server URL', fields.url);
  await typeInto(options, 'Database', fields.database);
  await typeInto(options, 'User name', fields.username);
  await typeInto(options, 'Password', fields.password);
  await typeInto(options, 'Encryption passphrase', fields.passphrase);
  await clickControl(null, options, { name: 'Turn on sync', role: 'button', within: SYNC_FORM });
}

/** The Sync section's status line, as text. */
export const syncStatusInFirefox = (options: Page): Promise<string> =>
  options.$eval('section.sync [role="status"]', (status) => status.textContent ?? '');

/** Whether the Sync section's button named `name` can be clicked. */
export const syncButtonEnabled = (options: Page, name: string): Promise<boolean> =>
  options.$$eval(
    'section.sync button',
    (buttons, name) => buttons.some((button) => button.textContent === name && !(button as HTMLButtonElement).disabled),
    name,
  );
