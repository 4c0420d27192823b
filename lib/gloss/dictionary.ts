/**
 * The Chinese–English dictionary, read in place from the generated asset (see `dictionary-format.ts`).
 *
 * Headwords are stored once per spelling after folding each character to one representative (traditional 槓 and
 * simplified 杠 both fold to 杠), so Traditional, Simplified and mixed text such as 杠桿 find the same entries.
 * Entries are decoded from UTF-8 only when looked up (and then cached); matching prefixes never decodes anything.
 */
import { decodeDictionaryData, type DictionaryAbout, type DictionaryData } from './dictionary-format';
import { createFoldTable } from './fold';

/** Decoded entries and preferred-entry answers kept for reuse: a page's vocabulary is a few thousand words. */
const CACHE_LIMIT = 20_000;

/** A map that starts over when it holds `CACHE_LIMIT` items, which bounds its memory to a few megabytes. */
class BoundedCache<K, V> extends Map<K, V> {
  override set(key: K, value: V): this {
    if (this.size >= CACHE_LIMIT) this.clear();
    return super.set(key, value);
  }
}

/** One CC-CEDICT entry: a headword in both scripts with one reading and its senses. */
export interface DictionaryEntry {
  readonly traditional: string;
  readonly simplified: string;
  /** CC-CEDICT numbered pinyin, syllables separated by spaces (`bei3 jing1`); capitalised for proper names. */
  readonly pinyin: string;
  /** Senses in dictionary order, as written in CC-CEDICT (`CL:…`, `variant of …` and `see …` included). */
  readonly senses: readonly string[];
}

/** A dictionary over one asset buffer: typed-array views, a folding table, and objects only for entries looked up. */
export class Dictionary {
  readonly about: DictionaryAbout;
  private readonly fold: Uint16Array;
  /** Keys starting with folded unit u are `firstKey[u] … firstKey[u + 1] - 1`: the first step of every search. */
  private readonly firstKey = new Uint32Array(0x10001);
  private readonly decoder = new TextDecoder();
  private readonly decoded = new BoundedCache<number, DictionaryEntry>();
  private readonly preferred = new BoundedCache<string, DictionaryEntry | null>();

  private constructor(private readonly data: DictionaryData) {
    this.fold = createFoldTable(data.foldPairs);
    const { keyOffsets, keyUnits } = data;
    const keyCount = keyOffsets.length - 1;
    for (let unit = 0, key = 0; unit <= 0x10000; unit++) {
      while (key < keyCount && keyUnits[keyOffsets[key]] < unit) key++;
      this.firstKey[unit] = key;
    }
    this.about = JSON.parse(this.decoder.decode(data.about)) as DictionaryAbout;
  }

  /** A dictionary over an asset buffer (kept, not copied); throws if the buffer is not a current-format asset. */
  static fromBuffer(buffer: ArrayBuffer): Dictionary {
    return new Dictionary(decodeDictionaryData(buffer));
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

  /** `lookup(word)[0]`, decoding only as many entries as it takes to find it (and remembered per word). */
  preferredEntry(word: string): DictionaryEntry | undefined {
    let answer = this.preferred.get(word);
    if (answer === undefined) {
      const numbers = this.entryRange(word);
      answer = numbers.length > 0 ? this.entry(numbers[0]) : null;
      for (const e of numbers) {
        const entry = this.entry(e);
        if (entry.traditional === word || entry.simplified === word) {
          answer = entry;
          break;
        }
      }
      this.preferred.set(word, answer);
    }
    return answer ?? undefined;
  }

  /**
   * Calls `visit` for every headword that `text` starts with at position `at`, shortest first, with its length in
   * UTF-16 units and how common it is (0–255). A callback rather than a list: the segmenter asks at every position.
   */
  forEachPrefix(text: string, at: number, visit: (length: number, score: number) => void): void {
    const { keyScores } = this.data;
    this.walk(text, at, text.length, (key, length) => visit(length, keyScores[key]));
  }

  /**
   * Calls `onKey` for each key that equals folded `text[at … at + length)` for some length up to `end - at`, in
   * increasing length. Keys are sorted, so the keys sharing the first L characters with the text form one range:
   * `firstKey` gives it for the first character, and each further character narrows it by two binary searches over
   * that character alone.
   */
  private walk(text: string, at: number, end: number, onKey: (key: number, length: number) => void): void {
    if (at >= end) return;
    const { keyOffsets, keyUnits } = this.data;
    const first = this.fold[text.charCodeAt(at)];
    let lo = this.firstKey[first];
    let hi = this.firstKey[first + 1];
    if (lo >= hi) return;
    if (keyOffsets[lo + 1] - keyOffsets[lo] === 1) onKey(lo, 1);
    for (let length = 1; at + length < end; length++) {
      // The key equal to the prefix read so far sorts first in its range; it cannot extend further.
      if (keyOffsets[lo + 1] - keyOffsets[lo] === length) lo++;
      const unit = this.fold[text.charCodeAt(at + length)];
      let a = lo;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (keyUnits[keyOffsets[mid] + length] < unit) a = mid + 1;
        else b = mid;
      }
      lo = a;
      b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (keyUnits[keyOffsets[mid] + length] <= unit) a = mid + 1;
        else b = mid;
      }
      hi = a;
      if (lo >= hi) return;
      if (keyOffsets[lo + 1] - keyOffsets[lo] === length + 1) onKey(lo, length + 1);
    }
  }

  /** The entry numbers stored under folded `word`, in build-time order; empty when the word is not a headword. */
  private entryRange(word: string): Uint32Array {
    let key = -1;
    this.walk(word, 0, word.length, (k, length) => {
      if (length === word.length) key = k;
    });
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
