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
