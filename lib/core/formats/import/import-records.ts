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
import type { ImportRejection } from '../../model/exchange';
import type { KnownWord } from '../../model/gloss';
import { MAX_WORD_LIST_ENTRIES, wordListEntrySchema, type WordListEntry } from '../../model/word-list';
import type { ExportAnnotation } from '../export/export-data';

/** The latest time a JavaScript Date can represent, in ms since the epoch. */
const MAX_TIME = 8_640_000_000_000_000;

/** Most known words a backup may carry. */
export const MAX_KNOWN_WORDS = 50_000;

/** A stored time: whole milliseconds since the epoch, within what a Date can hold. */
const timestampSchema = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(MAX_TIME, 'must be a time a date can hold'),
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
  deletedAt: v.null('must be null (deleted annotations are not exported)'),
  translation: v.optional(v.nullable(translationSchema)),
});

/** A stored article record: the page's metadata, as validated for requests, and when it was last updated. */
export const articleRecordSchema = strict({ ...articleMetaSchema.entries, updatedAt: timestampSchema });

/** A known word as the native format carries it: the word (1 to 32 characters) and when it was first marked. */
export const knownWordRecordSchema = strict({ word: text(1, 32), addedAt: timestampSchema });

/** The native file's optional list of known words: at most `MAX_KNOWN_WORDS`, each valid, or the file is refused. */
export const knownWordsSchema = v.pipe(
  v.array(knownWordRecordSchema, 'must be a list'),
  v.maxLength(MAX_KNOWN_WORDS, `must hold at most ${MAX_KNOWN_WORDS} words`),
);

/** The native file's optional word list: at most `MAX_WORD_LIST_ENTRIES`, each valid, or the file is refused. */
export const wordListSchema = v.pipe(
  v.array(wordListEntrySchema, 'must be a list'),
  v.maxLength(MAX_WORD_LIST_ENTRIES, `must hold at most ${MAX_WORD_LIST_ENTRIES} entries`),
);

/** A parsed import file: what to merge, and what was refused or skipped. */
export interface ParsedImport {
  format: 'native' | 'w3c' | 'hypothesis';
  annotations: ExportAnnotation[];
  /** The records of the accepted annotations' articles (only those the file describes). */
  articles: ArticleRecord[];
  rejected: ImportRejection[];
  /** Items left out on purpose (Hypothesis exports): replies, and annotations of other sites. */
  skipped?: { replies: number; otherSites: number };
  /** The known words to merge (native backups only; absent when the file carries none). */
  knownWords?: KnownWord[];
  /** The word-list entries to merge (native backups only; absent when the file carries none). */
  wordList?: WordListEntry[];
}

/** Outcome of checking one value. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Longest field path quoted in a reason: paths come from the file and may be huge. */
const MAX_PATH_LENGTH = 80;

/** The first issue as "<field path> <what is wrong>", e.g. "target.selector.1.end must be greater than start". */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue) ?? '';
  const shown = path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path;
  return shown ? `${shown} ${issue.message}` : issue.message;
}

/** Validates `value` with `schema`, answering the validated output or the first problem as a sentence. */
export function check<S extends v.GenericSchema>(schema: S, value: unknown): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  return result.success ? { ok: true, value: result.output } : { ok: false, reason: describeIssue(result.issues[0]) };
}

/** Outcome of reading a whole file: the parsed import, or why the file as a whole cannot be imported. */
export type ParseResult = { ok: true; value: ParsedImport } | { ok: false; error: string };
