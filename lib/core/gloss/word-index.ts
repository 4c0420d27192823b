/**
 * The dictionary's word index, read in place from the generated asset (see `dictionary-format.ts`): every headword
 * for segmenting text, and for each the line the interlinear gloss shows (pinyin and a few words of English, worked
 * out at build time). This is all the gloss over an article needs, so it loads without the full entries.
 *
 * Headwords are stored once per spelling after folding each character to one representative (traditional 槓 and
 * simplified 杠 both fold to 杠), so Traditional, Simplified and mixed text such as 杠桿 find the same words.
 */
import { decodeWordIndex, type WordIndexData } from './dictionary-format';
import { createFoldTable } from './fold';

/** Decoded answers kept for reuse: a page's vocabulary is a few thousand words. */
const CACHE_LIMIT = 20_000;

/** A map that starts over when it holds `CACHE_LIMIT` items, which bounds its memory to a few megabytes. */
export class BoundedCache<K, V> extends Map<K, V> {
  override set(key: K, value: V): this {
    if (this.size >= CACHE_LIMIT) this.clear();
    return super.set(key, value);
  }
}

/** Where a key's lines keep the line of its measure-word reading (行 háng), read after a number. */
export const MEASURE_LINE_KEY = '#measure';

/** What the interlinear gloss shows for a word: its reading and a few words of English. */
export interface GlossLine {
  /** Tone-marked pinyin (`le`, `Mǎsīkè`). */
  pinyin: string;
  /** The core of the first meaning, at most `MAX_INTERLINEAR_LENGTH` characters. */
  gloss: string;
}

/** The word index over one asset buffer: typed-array views, a folding table, and objects only for words asked. */
export class WordIndex {
  private readonly fold: Uint16Array;
  /** Keys starting with folded unit u are `firstKey[u] … firstKey[u + 1] - 1`: the first step of every search. */
  private readonly firstKey = new Uint32Array(0x10001);
  private readonly decoder = new TextDecoder();
  private readonly lines = new BoundedCache<string, GlossLine | null>();

  private constructor(private readonly data: WordIndexData) {
    this.fold = createFoldTable(data.foldPairs);
    const { keyOffsets, keyUnits } = data;
    const keyCount = keyOffsets.length - 1;
    for (let unit = 0, key = 0; unit <= 0x10000; unit++) {
      while (key < keyCount && keyUnits[keyOffsets[key]] < unit) key++;
      this.firstKey[unit] = key;
    }
  }

  /** A word index over an asset buffer (kept, not copied); throws if the buffer is not a current-format index. */
  static fromBuffer(buffer: ArrayBuffer): WordIndex {
    return new WordIndex(decodeWordIndex(buffer));
  }

  /** Number of distinct headwords after folding. */
  get keyCount(): number {
    return this.data.keyOffsets.length - 1;
  }

  /**
   * Calls `visit` for every headword that `text` starts with at position `at`, shortest first, with its length in
   * UTF-16 units and its segmentation cost (0–254, lower is more common). A callback rather than a list: the
   * segmenter asks at every position.
   */
  forEachPrefix(text: string, at: number, visit: (length: number, cost: number) => void): void {
    const { keyCosts } = this.data;
    this.walk(text, at, text.length, (key, length) => visit(length, keyCosts[key]));
  }

  /**
   * Which script the character `char` belongs to alone: 1 when it is some entry's traditional form and no entry's
   * simplified form (們, 後), -1 the other way round (们), 0 when both scripts share it or no entry has it.
   */
  scriptOf(char: string): number {
    const scripts = char.length === 1 ? this.data.charScripts[char.charCodeAt(0)] : 0;
    return scripts === 1 ? 1 : scripts === 2 ? -1 : 0;
  }

  /** The key number of `word` after folding, or -1 when it is not a headword. */
  keyOf(word: string): number {
    let key = -1;
    this.walk(word, 0, word.length, (k, length) => {
      if (length === word.length) key = k;
    });
    return key;
  }

  /**
   * The gloss line for `word` as spelled: the line of its preferred entry (an entry spelled exactly like it, else
   * the key's best entry). Undefined when the word is not a headword.
   */
  glossLine(word: string): GlossLine | undefined {
    let line = this.lines.get(word);
    if (line === undefined) {
      line = this.readLine(word);
      this.lines.set(word, line);
    }
    return line ?? undefined;
  }

  /**
   * The gloss line of `word` read as a measure word, as after a number (十行 "ten lines": háng "row", not xíng "to
   * walk"); undefined when it has no other reading as one.
   */
  measureLine(word: string): GlossLine | undefined {
    const line = this.keyLines(word)?.find((l) => l.startsWith(`${MEASURE_LINE_KEY}\t`));
    if (!line) return undefined;
    const [, pinyin, gloss] = line.split('\t');
    return { pinyin, gloss };
  }

  /** The gloss lines of the key `word` folds to, or undefined when it is not a headword. */
  private keyLines(word: string): string[] | undefined {
    const key = this.keyOf(word);
    if (key < 0) return undefined;
    const { lineOffsets, lineBytes } = this.data;
    return this.decoder.decode(lineBytes.subarray(lineOffsets[key], lineOffsets[key + 1])).split('\n');
  }

  private readLine(word: string): GlossLine | null {
    const lines = this.keyLines(word);
    if (!lines) return null;
    const [first, ...spellings] = lines;
    const own = spellings.find((line) => line.startsWith(`${word}\t`));
    const [pinyin, gloss] = own ? own.split('\t').slice(1) : first.split('\t');
    return { pinyin, gloss };
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
}
