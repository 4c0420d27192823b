/**
 * The native JSON format: the stored records as they are, in a versioned envelope. It is the lossless backup
 * (`lib/core/formats/import` reads it back); other formats are for other tools.
 */
import type { ArticleRecord } from '../../model/annotation';
import type { KnownWord } from '../../model/gloss';
import { wordListOrder, type WordListEntry } from '../../model/word-list';
import { groupByArticle, type ExportAnnotation, type ExportData } from './export-data';

/** The `format` value that marks a native file. */
export const NATIVE_FORMAT = 'netease-annotator';

/** The version of the native envelope and record shapes written by this build. */
export const NATIVE_VERSION = 1;

/** The native file's top-level object. */
export interface NativeFile {
  format: typeof NATIVE_FORMAT;
  version: typeof NATIVE_VERSION;
  /** When the file was written, ISO 8601 UTC. */
  exportedAt: string;
  /** The records of the articles the annotations belong to (those that have one). */
  articles: ArticleRecord[];
  /** The live annotations, grouped by article in reading order. */
  annotations: ExportAnnotation[];
  /** The words the reader marked known, oldest first (empty when the export is not of everything). */
  knownWords: KnownWord[];
  /** The reader's word list, oldest first (empty when the export is not of everything; absent in older backups). */
  wordList: WordListEntry[];
}

/** The known words in a stable order: oldest first, then by word (code-unit order). */
const knownWordOrder = (a: KnownWord, b: KnownWord): number =>
  a.addedAt - b.addedAt || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);

/**
 * The native backup of `data` (live annotations and their articles' records, unchanged, the known words and the
 * word list), indented for people who
 * open it. Records keep every stored field, so importing the file into an empty database recreates them exactly.
 */
export function toJson(data: ExportData, exportedAt: Date): string {
  const groups = groupByArticle(data);
  const file: NativeFile = {
    format: NATIVE_FORMAT,
    version: NATIVE_VERSION,
    exportedAt: exportedAt.toISOString(),
    articles: groups.flatMap((g) => (g.article ? [g.article] : [])),
    annotations: groups.flatMap((g) => g.annotations),
    knownWords: (data.knownWords ?? []).map(({ word, addedAt }) => ({ word, addedAt })).sort(knownWordOrder),
    wordList: (data.wordList ?? [])
      .map(({ word, pinyin, sense, sentence, articleId, url, addedAt }) => ({
        word,
        pinyin,
        sense,
        sentence,
        articleId,
        url,
        addedAt,
      }))
      .sort(wordListOrder),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
