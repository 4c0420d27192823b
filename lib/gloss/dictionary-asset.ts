/**
 * Where the generated dictionary and its licence live inside the built extension. The build hook writes them there
 * and the runtime loader fetches from there.
 */

/** The dictionary data (binary, see `dictionary-format.ts`), relative to the extension root. */
export const DICTIONARY_ASSET_PATH = 'dictionary/cc-cedict.bin' as const;

/** The CC BY-SA 4.0 licence text and credit for the dictionary data, next to it. */
export const DICTIONARY_LICENCE_PATH = 'dictionary/LICENSE-CC-CEDICT.txt' as const;
