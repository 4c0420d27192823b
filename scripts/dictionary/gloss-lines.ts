/**
 * The word index's gloss lines, worked out at build time so that glossing an article needs no entries at run time:
 * for each key, the interlinear line (tone-marked pinyin and a few words of English) of the entry the runtime would
 * prefer for it, plus the line of every spelling under the key whose own preferred entry says something else, and
 * for a character that is also a measure word in another reading, that reading's line (行 háng after a number).
 */
import type { Dictionary, DictionaryEntry } from '../../lib/core/gloss/dictionary';
import { shortGloss } from '../../lib/core/gloss/gloss-word';
import { interlinearGloss } from '../../lib/core/gloss/interlinear-gloss';
import type { SenseHints } from '../../lib/core/gloss/sense-choice';
import { MEASURE_LINE_KEY } from '../../lib/core/gloss/word-index';

/** An entry that is also a measure word (行 háng "classifier for rows or lines", 重 chóng "classifier: layer"). */
const isMeasureWord = (entry: DictionaryEntry): boolean => entry.senses.some((s) => /^classifier(?: for|:)/.test(s));

/** A key's folded text and its entries in build-time order. */
export interface RankedKey {
  key: string;
  entries: readonly DictionaryEntry[];
}

/** What the sense choice knows of an entry's word, per entry (see `SenseHints`). */
export type HintsOf = (entry: DictionaryEntry) => SenseHints;

/** `pinyin \t gloss` for one entry, references followed through `dict`, the sense chosen with `hints`. */
function lineOf(entry: DictionaryEntry, dict: Dictionary, hints: HintsOf): string {
  const { pinyin, gloss } = shortGloss(entry, dict, hints(entry));
  return `${pinyin}\t${interlinearGloss(gloss)}`;
}

/**
 * The UTF-8 gloss lines of each key (layout in `lib/core/gloss/dictionary-format.ts`): the line of its first entry (what
 * `Dictionary.preferredEntry` gives a spelling no entry has, such as a mixed one), then those of the spellings whose
 * preferred entry says something else. `fold` tells which spellings belong to the key (an entry is listed under the
 * keys of both its spellings).
 */
export function glossLines(
  keys: readonly RankedKey[],
  fold: (text: string) => string,
  dict: Dictionary,
  hints: HintsOf,
): Uint8Array[] {
  const encoder = new TextEncoder();
  return keys.map(({ key, entries }) => {
    const first = lineOf(entries[0], dict, hints);
    const lines = [first];
    const spellings = new Set(entries.flatMap((e) => [e.traditional, e.simplified]).filter((s) => fold(s) === key));
    for (const spelling of spellings) {
      const line = lineOf(dict.preferredEntry(spelling)!, dict, hints);
      if (line !== first) lines.push(`${spelling}\t${line}`);
    }
    const measure = key.length === 1 ? entries.find(isMeasureWord) : undefined;
    const measureLine = measure && lineOf(measure, dict, hints);
    if (measureLine && measureLine !== first) lines.push(`${MEASURE_LINE_KEY}\t${measureLine}`);
    return encoder.encode(lines.join('\n'));
  });
}
