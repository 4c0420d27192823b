/** The browser's `i18n.getMessage` over a catalogue, for unit tests (the fake browser has no i18n). */
import english from '../../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** `getMessage` over `catalogue`: `key`'s message with `$1`… substituted, '' for an unknown key (as the browser does). */
export function messagesOf(catalogue: Catalogue) {
  return (key: string, subs?: string | string[]): string => {
    const entry = catalogue[key];
    if (!entry) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    let text = entry.message;
    for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
      text = text.replaceAll(`$${name.toUpperCase()}$`, list[Number(content.slice(1)) - 1] ?? '');
    }
    return text;
  };
}

/** `getMessage` as an English browser answers it. */
export const englishMessage = messagesOf(english as Catalogue);
