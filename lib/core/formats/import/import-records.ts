/**
 * What an import file turns into before anything is written: validated annotation and article records, and the
 * items that were refused with the reason. Records are validated with the request schemas of
 * `lib/core/model/schemas.ts` (same fields, same limits, same strictness), so nothing enters the database by import
 * that could not enter it by the UI.
 */
import * as v from 'valibot';
import type { ArticleRecord } from '../../model/annotation';
import {
  annotationIdSchema,
  articleIdSchema,
  articleMetaSchema,
  colorSchema,
  noteSchema,
  strict,
  tagsSchema,
  targetSchema,
  text,
  translationSchema,
} from '../../model/schemas';
import type { KnownWord } from '../../model/gloss';
import { MAX_WORD_LIST_ENTRIES, wordListEntrySchema, type WordListEntry } from '../../model/word-list';
import type { ExportAnnotation } from '../export/export-data';
import { describeIssue, problem } from '../../model/problems';
import type { ReaderText } from '../../model/reader-text';

/** The latest time a JavaScript Date can represent, in ms since the epoch. */
const MAX_TIME = 8_640_000_000_000_000;

/** Most known words a backup may carry. */
export const MAX_KNOWN_WORDS = 50_000;

/** A stored time: whole milliseconds since the epoch, within what a Date can hold. */
const timestampSchema = v.pipe(
  v.number(problem('problemNumber')),
  v.integer(problem('problemWhole')),
  v.minValue(0, problem('problemNotNegative')),
  v.maxValue(MAX_TIME, problem('problemDateRange')),
);

/** A stored annotation, as the native format carries it and as both parsers produce it. */
export const annotationRecordSchema = strict({
  id: annotationIdSchema,
  articleId: articleIdSchema,
  color: colorSchema,
  note: noteSchema,
  tags: tagsSchema,
  target: targetSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: v.null(problem('problemDeletedNull')),
  translation: v.optional(v.nullable(translationSchema)),
});

/** A stored article record: the page's metadata, as validated for requests, and when it was last updated. */
export const articleRecordSchema = strict({ ...articleMetaSchema.entries, updatedAt: timestampSchema });

/** A known word as the native format carries it: the word (1 to 32 characters) and when it was first marked. */
export const knownWordRecordSchema = strict({ word: text(1, 32), addedAt: timestampSchema });

/** The native file's optional list of known words: at most `MAX_KNOWN_WORDS`, each valid, or the file is refused. */
export const knownWordsSchema = v.pipe(
  v.array(knownWordRecordSchema, problem('problemList')),
  v.maxLength(MAX_KNOWN_WORDS, problem('problemMostWordsHeld', MAX_KNOWN_WORDS)),
);

/** The native file's optional word list: at most `MAX_WORD_LIST_ENTRIES`, each valid, or the file is refused. */
export const wordListSchema = v.pipe(
  v.array(wordListEntrySchema, problem('problemList')),
  v.maxLength(MAX_WORD_LIST_ENTRIES, problem('problemMostEntriesHeld', MAX_WORD_LIST_ENTRIES)),
);

/** An item of the file that was refused: its index in the file's list of annotations, and why. */
export interface ParseRejection {
  index: number;
  reason: ReaderText;
}

/** A parsed import file: what to merge, and what was refused or skipped. */
export interface ParsedImport {
  format: 'native' | 'w3c' | 'hypothesis';
  annotations: ExportAnnotation[];
  /** The records of the accepted annotations' articles (only those the file describes). */
  articles: ArticleRecord[];
  rejected: ParseRejection[];
  /** Items left out on purpose (Hypothesis exports): replies, and annotations of other sites. */
  skipped?: { replies: number; otherSites: number };
  /** The known words to merge (native backups only; absent when the file carries none). */
  knownWords?: KnownWord[];
  /** The word-list entries to merge (native backups only; absent when the file carries none). */
  wordList?: WordListEntry[];
}

/** Outcome of checking one value. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: ReaderText };

/** Longest field path quoted in a reason: paths come from the file and may be huge. */
const MAX_PATH_LENGTH = 80;

/** The issue's field path as the file spells it, e.g. "target.selector.1.end", cut after MAX_PATH_LENGTH. */
function fieldPath(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue) ?? '';
  return path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path;
}

/** Validates `value` with `schema`, answering the validated output or the first problem, e.g. "target.selector.1.end must be greater than start". */
export function check<S extends v.GenericSchema>(schema: S, value: unknown): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const [issue] = result.issues;
  return { ok: false, reason: describeIssue(issue, fieldPath(issue)) };
}

/** Outcome of reading a whole file: the parsed import, or why the file as a whole cannot be imported. */
export type ParseResult = { ok: true; value: ParsedImport } | { ok: false; error: ReaderText };
