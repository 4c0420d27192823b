/**
 * The shapes of exports and imports as the UI and the messages see them (the formats themselves live in
 * `lib/core/formats/export/` and `lib/core/formats/import/`).
 */

/** The export formats. */
export const EXPORT_FORMATS = ['markdown', 'json', 'w3c', 'readwise-csv'] as const;
/** One of the export formats: Markdown notes, the native JSON backup, W3C JSON-LD, Readwise CSV. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file ready to save: `text` is the whole content (encode it as UTF-8). */
export interface ExportedFile {
  filename: string;
  mime: string;
  text: string;
}

/** An item of the file that was not imported: its position in the file's list of annotations, and why. */
export interface ImportRejection {
  index: number;
  reason: string;
}

/**
 * Most refused items an import report lists (the rest are counted in `rejectedTotal`): a file of junk could otherwise
 * make a report larger than a browser message may be.
 */
export const MAX_REPORTED_REJECTIONS = 50;

/** What an import did: each annotation of the file is counted once, as added, updated, duplicate or rejected. */
export interface ImportReport {
  added: number;
  updated: number;
  /** Annotations already stored (or repeated in the file) and not newer: skipped. */
  duplicates: number;
  /** Annotations refused while parsing, with their index in the file and the reason: the first MAX_REPORTED_REJECTIONS. */
  rejected: ImportRejection[];
  /** How many annotations were refused in all. */
  rejectedTotal: number;
  /** Of the added annotations, how many are page notes (notes on a whole article, from Hypothesis). */
  pageNotes: number;
  /** Hypothesis replies (answers to other annotations): not imported. */
  skippedReplies: number;
  /** Annotations of pages that are not NetEase articles: not imported. */
  skippedOtherSites: number;
  articlesAdded: number;
  articlesUpdated: number;
  /** Known words of the file that were not stored yet. */
  knownWordsAdded: number;
  /** Word-list entries of the file whose word was not listed yet. */
  wordListAdded: number;
}
