/**
 * Interface strings from `_locales/` through the browser's i18n API, so the UI follows the browser language.
 * Falls back to the English catalogue where the API is missing (unit tests, a page opened outside the extension).
 */
import { browser } from 'wxt/browser';
import english from '../../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof english;

function fromCatalogue(key: MessageKey, subs: string[]): string {
  const entry = (english as Catalogue)[key];
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(content.slice(1)) - 1;
    text = text.replaceAll(`$${name.toUpperCase()}$`, subs[index] ?? '');
  }
  return text;
}

/** The interface string for `key` in the reader's language, with `$1`… substitutions. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  try {
    const text = browser.i18n?.getMessage(key, strings);
    if (text) return text;
  } catch {
    // No i18n API here: use the English catalogue.
  }
  return fromCatalogue(key, strings);
}
