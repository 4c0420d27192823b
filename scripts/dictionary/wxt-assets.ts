/**
 * The build hook's side of the dictionary: generate it and hand WXT the files to put in the extension. WXT writes
 * generated public files as UTF-8 text, so the binary asset is written to a cache directory and copied from there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResolvedPublicFile } from 'wxt';
import { DICTIONARY_ASSET_PATH, DICTIONARY_LICENCE_PATH } from '../../lib/gloss/dictionary-asset';
import { generateDictionary, type GeneratedDictionary } from './build-dictionary';

/** The dictionary's paths inside the extension, so `browser.runtime.getURL` accepts them. */
export const DICTIONARY_PUBLIC_PATHS = [DICTIONARY_ASSET_PATH, DICTIONARY_LICENCE_PATH];

/** The generated dictionary (asset written under `cacheDir`) and its licence as public files of the build. */
export function dictionaryPublicFiles(
  cacheDir: string,
  { asset, licence }: GeneratedDictionary = generateDictionary(),
): ResolvedPublicFile[] {
  const assetFile = join(cacheDir, DICTIONARY_ASSET_PATH);
  mkdirSync(dirname(assetFile), { recursive: true });
  writeFileSync(assetFile, asset);
  return [
    { absoluteSrc: assetFile, relativeDest: DICTIONARY_ASSET_PATH },
    { contents: licence, relativeDest: DICTIONARY_LICENCE_PATH },
  ];
}
