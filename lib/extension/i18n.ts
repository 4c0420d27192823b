/**
 * Interface strings from `_locales/` through the browser's i18n API, so the UI follows the browser language. The
 * catalogue itself is not bundled (the browser has it): only its key names are, as a type.
 */
import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';

/** A key of the message catalogue. */
export type MessageKey = keyof typeof english;

/** The interface string for `key` in the reader's language, with `$1`… substitutions. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return browser.i18n.getMessage(key, subs.map(String));
}
