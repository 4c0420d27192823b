/**
 * Opening a generated dictionary file under Node, for tests and the benchmark (the extension fetches it instead,
 * see `lib/gloss/load-dictionary.ts`).
 */
import { readFileSync } from 'node:fs';
import { Dictionary } from '../../lib/gloss/dictionary';

/** The dictionary in `file` (e.g. `.output/chrome-mv3/dictionary/cc-cedict.bin`). */
export function loadDictionaryFile(file: string): Dictionary {
  const bytes = readFileSync(file);
  // The sections are typed-array views from offset 0, so the buffer must be the file alone.
  const exact = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
  const buffer = exact ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return Dictionary.fromBuffer(buffer);
}
