/**
 * The word list as files for flashcards: tab-separated text that Anki imports as is, and CSV for spreadsheets and
 * other card apps. Both have the same columns — word, pinyin, meaning, sentence, and the article's address — oldest
 * entry first, and both neutralise a cell a spreadsheet would run as a formula (`csv.ts`): the sentence is a page's
 * text.
 *
 * The tab-separated file starts with Anki's file headers (`#separator:tab`, `#html:false`, `#columns:…`; Anki 2.1.55
 * and later), which name the columns without being imported as a card; a tab or line break inside a field becomes a
 * space, as the format has no quoting Anki's plain-text import relies on. The CSV has a header row and the UTF-8 byte
 * order mark Excel needs to read Chinese.
 */
import type { ExportedFile } from '../../model/exchange';
import { wordListOrder, type WordListEntry } from '../../model/word-list';
import { BOM, csvRecord, neutralised } from './csv';
import { localDate } from './export-file';

/** The file formats of the word list. */
export const WORD_LIST_FORMATS = ['anki-tsv', 'csv'] as const;
/** One of `WORD_LIST_FORMATS`. */
export type WordListFormat = (typeof WORD_LIST_FORMATS)[number];

/** The columns, in order. */
const COLUMNS = ['Word', 'Pinyin', 'Meaning', 'Sentence', 'Article'];

/** An entry's cells, in `COLUMNS` order. */
const cells = (entry: WordListEntry): string[] => [entry.word, entry.pinyin, entry.sense, entry.sentence, entry.url];

/** One tab-separated field: on one line, without tabs, neutralised. */
const tsvField = (value: string): string => neutralised(value.replace(/[\t\r\n]+/g, ' '));

/** The list for Anki: its file headers, then one line per entry. */
function toAnkiTsv(entries: readonly WordListEntry[]): string {
  const headers = ['#separator:tab', '#html:false', `#columns:${COLUMNS.join('\t')}`];
  const lines = entries.map((entry) => cells(entry).map(tsvField).join('\t'));
  return `${[...headers, ...lines].join('\n')}\n`;
}

/** The list as CSV: byte order mark, header row, one record per entry. */
const toCsv = (entries: readonly WordListEntry[]): string => BOM + [COLUMNS, ...entries.map(cells)].map(csvRecord).join('');

/** The word list in `format`, oldest entry first, named `netease-word-list-YYYY-MM-DD.<ext>` for saving. */
export function wordListFile(format: WordListFormat, entries: readonly WordListEntry[], now = new Date()): ExportedFile {
  const sorted = [...entries].sort(wordListOrder);
  const name = `netease-word-list-${localDate(now)}`;
  return format === 'anki-tsv'
    ? { filename: `${name}.tsv`, mime: 'text/tab-separated-values;charset=utf-8', text: toAnkiTsv(sorted) }
    : { filename: `${name}.csv`, mime: 'text/csv;charset=utf-8', text: toCsv(sorted) };
}
