/**
 * Opening the generated dictionary under Node, for tests and the benchmark (the extension fetches the same files
 * instead, see `lib/background/gloss/load-dictionary.ts`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dictionary } from '../../lib/core/gloss/dictionary';
import { ENTRIES_ASSET_PATH, WORD_INDEX_ASSET_PATH } from '../../lib/core/gloss/dictionary-asset';
import { WordIndex } from '../../lib/core/gloss/word-index';

/** `bytes` as an ArrayBuffer of its own: the sections are typed-array views from offset 0. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const exact = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
  return (exact ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
}

/** The word index and the whole dictionary over generated assets held in memory. */
export function openDictionary(assets: { words: Uint8Array; entries: Uint8Array }): { words: WordIndex; dict: Dictionary } {
  const words = WordIndex.fromBuffer(ownBuffer(assets.words));
  return { words, dict: Dictionary.fromBuffers(words, ownBuffer(assets.entries)) };
}

/** The word index in the extension directory `root` (e.g. `.output/chrome-mv3`). */
export function loadWordIndexFile(root: string): WordIndex {
  return WordIndex.fromBuffer(ownBuffer(readFileSync(join(root, WORD_INDEX_ASSET_PATH))));
}

/** The word index and the whole dictionary in the extension directory `root`. */
export function loadDictionaryFiles(root: string): { words: WordIndex; dict: Dictionary } {
  return openDictionary({
    words: readFileSync(join(root, WORD_INDEX_ASSET_PATH)),
    entries: readFileSync(join(root, ENTRIES_ASSET_PATH)),
  });
}
