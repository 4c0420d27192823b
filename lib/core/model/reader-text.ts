/**
 * A sentence for the reader said by catalogue key, not in words: pure code (import parsers, the data model's
 * schemas) says what is wrong without knowing the reader's language, and the context that shows it (background,
 * content script, extension page) puts it into words with the browser's i18n.
 */
import type english from '../../../public/_locales/en/messages.json';

/** A key of the message catalogue (`public/_locales/<language>/messages.json`). */
export type MessageKey = keyof typeof english;

/** A catalogue message with its `$1`… substitutions; a substitution may itself be a reader text. */
export interface ReaderText {
  key: MessageKey;
  subs: readonly (string | number | ReaderText)[];
}

/** The reader text of `key` with `subs`. */
export const readerText = (key: MessageKey, ...subs: (string | number | ReaderText)[]): ReaderText => ({ key, subs });
