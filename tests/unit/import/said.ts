/**
 * Import parses as an English reader reads them: the parsers say what is wrong as reader texts (catalogue keys), and
 * these put them into the English catalogue's words (the unit tests' browser speaks English).
 */
import type { ParsedImport, ParseResult } from '../../../lib/core/formats/import/import-records';
import { parseImport, type ParseOptions } from '../../../lib/core/formats/import/parse-import';
import { say } from '../../../lib/extension/i18n';

/** A parsed import whose refusals are said in words. */
export type SaidImport = Omit<ParsedImport, 'rejected'> & { rejected: { index: number; reason: string }[] };

/** `parseImport`'s answer with its error, or each refusal's reason, said in English. */
export function parseSaid(text: string, options?: ParseOptions): { ok: true; value: SaidImport } | { ok: false; error: string } {
  const result: ParseResult = parseImport(text, options);
  if (!result.ok) return { ok: false, error: say(result.error) };
  const rejected = result.value.rejected.map(({ index, reason }) => ({ index, reason: say(reason) }));
  return { ok: true, value: { ...result.value, rejected } };
}
