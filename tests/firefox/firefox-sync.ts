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

/** Brings the options page to the front and clicks the Sync section's button named `name`. */
export async function clickSyncButton(options: Page, name: string): Promise<void> {
  // Firefox slows a background tab's animation frames, which the click waits for.
  await options.bringToFront();
  await clickControl(null, options, { name, role: 'button', within: SYNC_FORM });
}

/** Fills the Sync section by its labels and clicks Turn on sync. */
export async function turnOnSyncInFirefox(options: Page, fields: SyncFields): Promise<void> {
  await options.bringToFront();
  await typeInto(options, 'Server URL', fields.url);
  await typeInto(options, 'Database', fields.database);
  await typeInto(options, 'User name', fields.username);
  await typeInto(options, 'Password', fields.password);
  await typeInto(options, 'Encryption passphrase', fields.passphrase);
  await clickSyncButton(options, 'Turn on sync');
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
