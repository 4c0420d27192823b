/**
 * Turns an import file into validated records, without touching the database: checks the size before reading or
 * parsing, parses the JSON, recognises the format (native backup, W3C Web Annotations or a Hypothesis export) and
 * validates every record; dates after the time of import are brought back to it.
 * A file that cannot be imported at all answers one message saying why; otherwise single annotations may be refused,
 * each with its index and reason, and the rest go on to `importAnnotations`.
 */
import { readerText, type ReaderText } from '../../model/reader-text';
import { NATIVE_FORMAT } from '../export/to-json';
import type { ParsedImport, ParseResult } from './import-records';
import { MAX_IMPORT_BYTES } from './import-limits';
import { isHypothesisExport, parseHypothesis } from './parse-hypothesis';
import { parseNative } from './parse-native';
import { parseW3c } from './parse-w3c';

/** Options of a parse: `now` dates annotations that carry no date (W3C files from other tools). */
export interface ParseOptions {
  now?: number;
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The refusal for a file of `bytes` bytes, or null when the size is acceptable. */
function sizeProblem(bytes: number): ReaderText | null {
  return bytes > MAX_IMPORT_BYTES ? readerText('importFileTooLarge', megabytes(bytes), megabytes(MAX_IMPORT_BYTES)) : null;
}

/**
 * Bytes of `text` in UTF-8. A text of more UTF-16 units than `limit` is over it anyway (no unit takes less than a
 * byte), so a huge text is refused without being counted.
 */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/** Parses the text of an import file (see the module comment). A leading byte order mark is allowed. */
export function parseImport(text: string, { now = Date.now() }: ParseOptions = {}): ParseResult {
  const tooLarge = sizeProblem(utf8Length(text, MAX_IMPORT_BYTES));
  if (tooLarge) return { ok: false, error: tooLarge };
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (json.trim() === '') return { ok: false, error: readerText('importEmpty') };
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (err) {
    return { ok: false, error: readerText('importNotJson', err instanceof Error ? err.message : String(err)) };
  }
  if (typeof root === 'object' && root !== null && 'format' in root) {
    if (root.format === NATIVE_FORMAT) return withDatesClamped(parseNative(root as Record<string, unknown>), now);
    const named = String(JSON.stringify(root.format)).slice(0, 100);
    return { ok: false, error: readerText('importUnknownFormat', named) };
  }
  if (isHypothesisExport(root)) return withDatesClamped(parseHypothesis(root, now), now);
  return withDatesClamped(parseW3c(root, now) ?? { ok: false, error: readerText('importNeither') }, now);
}

/** A successful parse with its dates clamped to `now` (see `clampDates`). */
const withDatesClamped = (result: ParseResult, now: number): ParseResult =>
  result.ok ? { ok: true, value: clampDates(result.value, now) } : result;

/**
 * `parsed` with every date after `now` (the time of import) brought back to `now`: a file's far-future `updatedAt`
 * would otherwise win every later merge, so no edit made afterwards could replace it.
 */
function clampDates(parsed: ParsedImport, now: number): ParsedImport {
  const clamp = (time: number): number => Math.min(time, now);
  return {
    ...parsed,
    annotations: parsed.annotations.map((a) => ({ ...a, createdAt: clamp(a.createdAt), updatedAt: clamp(a.updatedAt) })),
    articles: parsed.articles.map((a) => ({ ...a, updatedAt: clamp(a.updatedAt) })),
    ...(parsed.knownWords && { knownWords: parsed.knownWords.map((k) => ({ ...k, addedAt: clamp(k.addedAt) })) }),
    ...(parsed.wordList && { wordList: parsed.wordList.map((e) => ({ ...e, addedAt: clamp(e.addedAt) })) }),
  };
}
