/**
 * Interface strings from `_locales/` through the browser's i18n API, so the UI follows the browser language. The
 * catalogue itself is not bundled (the browser has it): only its key names are, as a type.
 */
import { browser } from 'wxt/browser';
import type { MessageKey, ReaderText } from '../core/model/reader-text';

export type { MessageKey } from '../core/model/reader-text';

/** The interface string for `key` in the reader's language, with `$1`… substitutions. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return browser.i18n.getMessage(key, subs.map(String));
}

/** A reader text said by pure code (see `ReaderText`), in the reader's language. */
export function say({ key, subs }: ReaderText): string {
  return t(key, ...subs.map((sub) => (typeof sub === 'object' ? say(sub) : sub)));
}
