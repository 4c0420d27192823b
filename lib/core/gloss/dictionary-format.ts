/**
 * The binary layout of the two generated dictionary assets, shared by the build-time writer and the runtime reader so
 * they cannot drift apart. Each asset is read in place: every section is a typed-array view over the one buffer, so
 * loading is a fetch plus a few views, with no parsing and no per-entry objects.
 *
 * The dictionary comes in two files because reading a file from the extension package costs about 8 ms per MB: the
 * gloss over an article needs only the word list and one short gloss per word (the word index, ~4.7 MB), while the
 * translation popover's every reading and sense (the entries, ~10 MB) can arrive when a reader first asks for them.
 *
 * Both files (little-endian, every section starts on a 4-byte boundary):
 *   header     Uint32 × (2 + sections): magic, format version, then the length of each section, in order
 *
 * Word index sections:
 *   keyOffsets     Uint32  key k is `keyUnits[keyOffsets[k] … keyOffsets[k + 1])`
 *   foldPairs      Uint16  (from, to) pairs of UTF-16 units: the character folding applied to keys and queries
 *   keyUnits       Uint16  the folded headwords, sorted by UTF-16 units, concatenated
 *   keyCosts       Uint8   per key, the segmenter's cost (0–254): minus its log probability, scaled
 *   lineOffsets    Uint32  key k's gloss lines are `lineBytes[lineOffsets[k] … lineOffsets[k + 1])`
 *   lineBytes      Uint8   UTF-8 `pinyin \t gloss` for the key's preferred entry, then one `\n spelling \t pinyin \t
 *                          gloss` for each spelling whose preferred entry differs (乾 "dry" under the key 干), and
 *                          for a character that is a measure word in another reading one `\n #measure \t pinyin \t
 *                          gloss` (行 háng "row")
 *   charScripts    Uint8   per UTF-16 unit: 1 when it is a one-character entry's traditional form, 2 when its
 *                          simplified form, 3 when both (how paragraph translation tells the script of a text)
 *
 * Entries sections (keys numbered as in the word index):
 *   keyEntryStarts Uint32  key k's entries are `keyEntries[keyEntryStarts[k] … keyEntryStarts[k + 1])`, best first
 *   keyEntries     Uint32  entry numbers
 *   entryOffsets   Uint32  entry e is `entryBytes[entryOffsets[e] … entryOffsets[e + 1])`
 *   entryBytes     Uint8   UTF-8 entries `traditional \t simplified-or-empty \t numbered pinyin \t sense/sense/…`
 */

/** Bumped whenever a layout changes, so a stale asset is refused instead of misread. */
export const FORMAT_VERSION = 5;

/** The word index's sections, as typed arrays; see the module comment for their meaning. */
export interface WordIndexData {
  keyOffsets: Uint32Array;
  foldPairs: Uint16Array;
  keyUnits: Uint16Array;
  keyCosts: Uint8Array;
  lineOffsets: Uint32Array;
  lineBytes: Uint8Array;
  charScripts: Uint8Array;
}

/** The entries' sections, as typed arrays; see the module comment for their meaning. */
export interface EntryData {
  keyEntryStarts: Uint32Array;
  keyEntries: Uint32Array;
  entryOffsets: Uint32Array;
  entryBytes: Uint8Array;
}

type ArrayType = typeof Uint32Array | typeof Uint16Array | typeof Uint8Array;

/** One asset's layout: its magic number and its sections' names and element types, in file order. */
interface Layout<T> {
  /** Four ASCII letters read as a little-endian Uint32; a big-endian machine sees another number and refuses. */
  magic: number;
  name: string;
  sections: readonly (readonly [keyof T & string, ArrayType])[];
}

const magic = (letters: string): number => new Uint32Array(new TextEncoder().encode(letters).buffer)[0];

const WORD_INDEX: Layout<WordIndexData> = {
  magic: magic('CEDW'),
  name: 'dictionary word index',
  sections: [
    ['keyOffsets', Uint32Array],
    ['foldPairs', Uint16Array],
    ['keyUnits', Uint16Array],
    ['keyCosts', Uint8Array],
    ['lineOffsets', Uint32Array],
    ['lineBytes', Uint8Array],
    ['charScripts', Uint8Array],
  ],
};

const ENTRIES: Layout<EntryData> = {
  magic: magic('CEDE'),
  name: 'dictionary entries',
  sections: [
    ['keyEntryStarts', Uint32Array],
    ['keyEntries', Uint32Array],
    ['entryOffsets', Uint32Array],
    ['entryBytes', Uint8Array],
  ],
};

const align4 = (n: number): number => (n + 3) & ~3;

function encode<T>(layout: Layout<T>, data: T): Uint8Array {
  const headerWords = 2 + layout.sections.length;
  const view = (name: keyof T) => data[name] as ArrayBufferView;
  let size = headerWords * 4;
  for (const [name] of layout.sections) size = align4(size + view(name).byteLength);
  const bytes = new Uint8Array(size);
  const header = new Uint32Array(bytes.buffer, 0, headerWords);
  header[0] = layout.magic;
  header[1] = FORMAT_VERSION;
  let at = headerWords * 4;
  layout.sections.forEach(([name, Type], i) => {
    const section = view(name);
    header[2 + i] = section.byteLength / Type.BYTES_PER_ELEMENT;
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at = align4(at + section.byteLength);
  });
  return bytes;
}

function decode<T>(layout: Layout<T>, buffer: ArrayBuffer): T {
  const headerWords = 2 + layout.sections.length;
  if (buffer.byteLength < headerWords * 4) throw new Error(`${layout.name} is truncated`);
  const header = new Uint32Array(buffer, 0, headerWords);
  if (header[0] !== layout.magic) throw new Error(`not a ${layout.name} asset (or a big-endian machine)`);
  if (header[1] !== FORMAT_VERSION) throw new Error(`${layout.name} format ${header[1]}, expected ${FORMAT_VERSION}`);
  const data: Record<string, ArrayBufferView> = {};
  let at = headerWords * 4;
  layout.sections.forEach(([name, Type], i) => {
    const length = header[2 + i];
    if (at + length * Type.BYTES_PER_ELEMENT > buffer.byteLength) throw new Error(`${layout.name} is truncated`);
    data[name] = new Type(buffer, at, length);
    at = align4(at + length * Type.BYTES_PER_ELEMENT);
  });
  return data as T;
}

/** Serialises the word index into one buffer in the layout above. */
export const encodeWordIndex = (data: WordIndexData): Uint8Array => encode(WORD_INDEX, data);

/** Views the word index's sections in place (no copy); throws on a foreign, stale or truncated buffer. */
export const decodeWordIndex = (buffer: ArrayBuffer): WordIndexData => decode(WORD_INDEX, buffer);

/** Serialises the entries into one buffer in the layout above. */
export const encodeEntries = (data: EntryData): Uint8Array => encode(ENTRIES, data);

/** Views the entries' sections in place (no copy); throws on a foreign, stale or truncated buffer. */
export const decodeEntries = (buffer: ArrayBuffer): EntryData => decode(ENTRIES, buffer);
