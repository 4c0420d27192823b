/**
 * The Chinese–English dictionary: the word index (`word-index.ts`) and every entry of each word, read in place from
 * the entries asset (see `dictionary-format.ts`). For the translation popover and script detection, which need all
 * readings and senses; the gloss over an article needs only the word index.
 *
 * Entries are decoded from UTF-8 only when looked up (and then cached).
 */
import { decodeEntries, type EntryData } from './dictionary-format';
import { BoundedCache, type WordIndex } from './word-index';

/** One CC-CEDICT entry: a headword in both scripts with one reading and its senses. */
export interface DictionaryEntry {
  readonly traditional: string;
  readonly simplified: string;
  /** CC-CEDICT numbered pinyin, syllables separated by spaces (`bei3 jing1`); capitalised for proper names. */
  readonly pinyin: string;
  /** Senses in dictionary order, as written in CC-CEDICT (`CL:…`, `variant of …` and `see …` included). */
  readonly senses: readonly string[];
}

/** The word index with its entries: objects only for entries looked up. */
export class Dictionary {
  private readonly decoder = new TextDecoder();
  private readonly decoded = new BoundedCache<number, DictionaryEntry>();

  private constructor(
    /** The headwords and their gloss lines; segmenting goes through it. */
    readonly words: WordIndex,
    private readonly data: EntryData,
  ) {
    if (data.keyEntryStarts.length !== words.keyCount + 1) throw new Error('dictionary entries do not match the word index');
  }

  /** The dictionary over a word index and an entries asset buffer (kept, not copied); throws on a foreign buffer. */
  static fromBuffers(words: WordIndex, entries: ArrayBuffer): Dictionary {
    return new Dictionary(words, decodeEntries(entries));
  }

  /** Number of entries (distinct headword-and-reading lines of the source). */
  get entryCount(): number {
    return this.data.entryOffsets.length - 1;
  }

  /**
   * The entries for `word`, best first: entries spelled exactly like `word` (in either script) before entries that
   * only match after folding, then the build-time order (preferred readings, entries with meanings of their own before
   * bare references, more productive spellings first, common words before proper names). Empty when unknown.
   */
  lookup(word: string): DictionaryEntry[] {
    const entries = Array.from(this.entryRange(word), (e) => this.entry(e));
    const exact = (e: DictionaryEntry) => e.traditional === word || e.simplified === word;
    return [...entries.filter(exact), ...entries.filter((e) => !exact(e))];
  }

  /**
   * `lookup(word)[0]`, decoding only as many entries as it takes to find it: the entry a word as spelled is glossed
   * with (the build writes its line into the word index, see `scripts/dictionary/gloss-lines.ts`).
   */
  preferredEntry(word: string): DictionaryEntry | undefined {
    const numbers = this.entryRange(word);
    for (const e of numbers) {
      const entry = this.entry(e);
      if (entry.traditional === word || entry.simplified === word) return entry;
    }
    return numbers.length > 0 ? this.entry(numbers[0]) : undefined;
  }

  /** The entry numbers stored under folded `word`, in build-time order; empty when the word is not a headword. */
  private entryRange(word: string): Uint32Array {
    const key = this.words.keyOf(word);
    const { keyEntryStarts, keyEntries } = this.data;
    return key < 0 ? keyEntries.subarray(0, 0) : keyEntries.subarray(keyEntryStarts[key], keyEntryStarts[key + 1]);
  }

  /** Entry `e`, decoded once and kept while the cache has room (a page's vocabulary is a few thousand entries). */
  private entry(e: number): DictionaryEntry {
    const cached = this.decoded.get(e);
    if (cached) return cached;
    const { entryOffsets, entryBytes } = this.data;
    const [traditional, simplified, pinyin, senses] = this.decoder
      .decode(entryBytes.subarray(entryOffsets[e], entryOffsets[e + 1]))
      .split('\t');
    const entry = { traditional, simplified: simplified || traditional, pinyin, senses: senses.split('/') };
    this.decoded.set(e, entry);
    return entry;
  }
}
