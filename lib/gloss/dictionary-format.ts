/**
 * The binary layout of the generated dictionary asset, shared by the build-time writer and the runtime reader so the
 * two cannot drift apart. The asset is read in place: every section is a typed-array view over the one buffer, so
 * loading is a fetch plus a few views, with no parsing and no per-entry objects.
 *
 * Layout (little-endian, every section starts on a 4-byte boundary):
 *   header     Uint32 × HEADER_WORDS: magic, format version, then the length of each section below, in order
 *   keyOffsets     Uint32  key k is `keyUnits[keyOffsets[k] … keyOffsets[k + 1])`
 *   keyEntryStarts Uint32  key k's entries are `keyEntries[keyEntryStarts[k] … keyEntryStarts[k + 1])`, best first
 *   keyEntries     Uint32  entry numbers
 *   entryOffsets   Uint32  entry e is `entryBytes[entryOffsets[e] … entryOffsets[e + 1])`
 *   foldPairs      Uint16  (from, to) pairs of UTF-16 units: the character folding applied to keys and queries
 *   keyUnits       Uint16  the folded headwords, sorted by UTF-16 units, concatenated
 *   keyScores      Uint8   per key, how common it is (0–255), the segmenter's last tie-breaker
 *   entryBytes     Uint8   UTF-8 entries `traditional \t simplified-or-empty \t numbered pinyin \t sense/sense/…`
 *   about          Uint8   UTF-8 JSON `DictionaryAbout`: source, version date, licence, credit
 */

/** 'CEDI' read as a little-endian Uint32; a reader on a big-endian machine sees another number and refuses. */
const MAGIC = 0x49444543;
/** Bumped whenever the layout changes, so a stale asset is refused instead of misread. */
export const FORMAT_VERSION = 1;

/** Where the dictionary data comes from and under which terms it ships (shown as credit next to glosses). */
export interface DictionaryAbout {
  source: string;
  /** The source's own version date (ISO 8601). */
  date: string;
  licence: string;
  licenceUrl: string;
  credit: string;
}

/** The sections of the asset, as typed arrays; see the module comment for their meaning. */
export interface DictionaryData {
  keyOffsets: Uint32Array;
  keyEntryStarts: Uint32Array;
  keyEntries: Uint32Array;
  entryOffsets: Uint32Array;
  foldPairs: Uint16Array;
  keyUnits: Uint16Array;
  keyScores: Uint8Array;
  entryBytes: Uint8Array;
  about: Uint8Array;
}

type SectionName = keyof DictionaryData;
type ArrayType = typeof Uint32Array | typeof Uint16Array | typeof Uint8Array;

/** Section order and element type; the header holds their lengths (in elements) in this order. */
const SECTIONS: readonly (readonly [SectionName, ArrayType])[] = [
  ['keyOffsets', Uint32Array],
  ['keyEntryStarts', Uint32Array],
  ['keyEntries', Uint32Array],
  ['entryOffsets', Uint32Array],
  ['foldPairs', Uint16Array],
  ['keyUnits', Uint16Array],
  ['keyScores', Uint8Array],
  ['entryBytes', Uint8Array],
  ['about', Uint8Array],
];

const HEADER_WORDS = 2 + SECTIONS.length;

const align4 = (n: number): number => (n + 3) & ~3;

/** Serialises the sections into one buffer in the layout above. */
export function encodeDictionaryData(data: DictionaryData): Uint8Array {
  let size = HEADER_WORDS * 4;
  for (const [name] of SECTIONS) size = align4(size + data[name].byteLength);
  const bytes = new Uint8Array(size);
  const header = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
  header[0] = MAGIC;
  header[1] = FORMAT_VERSION;
  let at = HEADER_WORDS * 4;
  SECTIONS.forEach(([name], i) => {
    const section = data[name];
    header[2 + i] = section.length;
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at = align4(at + section.byteLength);
  });
  return bytes;
}

/** Views the sections of an encoded buffer in place (no copy); throws on a foreign, stale or truncated buffer. */
export function decodeDictionaryData(buffer: ArrayBuffer): DictionaryData {
  if (buffer.byteLength < HEADER_WORDS * 4) throw new Error('dictionary asset is truncated');
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('not a dictionary asset (or a big-endian machine)');
  if (header[1] !== FORMAT_VERSION) throw new Error(`dictionary format ${header[1]}, expected ${FORMAT_VERSION}`);
  const data: Partial<Record<SectionName, DictionaryData[SectionName]>> = {};
  let at = HEADER_WORDS * 4;
  SECTIONS.forEach(([name, Type], i) => {
    const length = header[2 + i];
    if (at + length * Type.BYTES_PER_ELEMENT > buffer.byteLength) throw new Error('dictionary asset is truncated');
    data[name] = new Type(buffer, at, length);
    at = align4(at + length * Type.BYTES_PER_ELEMENT);
  });
  return data as DictionaryData;
}
