/** The browser's `i18n.getMessage` over the English catalogue, for unit tests (the fake browser has no i18n). */
import english from '../../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** `key`'s English message with `$1`… substituted, as the browser does; '' for an unknown key (as the browser does). */
export function englishMessage(key: string, subs?: string | string[]): string {
  const entry = (english as Catalogue)[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    text = text.replaceAll(`$${name.toUpperCase()}$`, list[Number(content.slice(1)) - 1] ?? '');
  }
  return text;
}
