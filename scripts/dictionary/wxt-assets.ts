/**
 * The build hook's side of the dictionary: generate it and hand WXT the files to put in the extension. WXT writes
 * generated public files as UTF-8 text, so the binary assets are written to a cache directory and copied from there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResolvedPublicFile } from 'wxt';
import {
  DICTIONARY_ABOUT_PATH,
  DICTIONARY_LICENCE_PATH,
  ENTRIES_ASSET_PATH,
  WORD_INDEX_ASSET_PATH,
} from '../../lib/core/gloss/dictionary-asset';
import { generateDictionary, type GeneratedDictionary } from './build-dictionary';

/** The dictionary's paths inside the extension, so `browser.runtime.getURL` accepts them. */
export const DICTIONARY_PUBLIC_PATHS = [
  WORD_INDEX_ASSET_PATH,
  ENTRIES_ASSET_PATH,
  DICTIONARY_LICENCE_PATH,
  DICTIONARY_ABOUT_PATH,
];

/** The generated dictionary (assets written under `cacheDir`), its licence and its description as public files. */
export function dictionaryPublicFiles(
  cacheDir: string,
  { words, entries, about, licence }: GeneratedDictionary = generateDictionary(),
): ResolvedPublicFile[] {
  const binary = (relativeDest: string, bytes: Uint8Array): ResolvedPublicFile => {
    const absoluteSrc = join(cacheDir, relativeDest);
    mkdirSync(dirname(absoluteSrc), { recursive: true });
    writeFileSync(absoluteSrc, bytes);
    return { absoluteSrc, relativeDest };
  };
  return [
    binary(WORD_INDEX_ASSET_PATH, words),
    binary(ENTRIES_ASSET_PATH, entries),
    { contents: licence, relativeDest: DICTIONARY_LICENCE_PATH },
    { contents: JSON.stringify(about, null, 2), relativeDest: DICTIONARY_ABOUT_PATH },
  ];
}
