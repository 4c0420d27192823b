/**
 * CSV cells and records, RFC 4180: a field quoted (its quotes doubled) when it holds a comma, a quote or a line
 * break, records ending in CRLF. A cell a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a
 * tab or CR) is neutralised with a leading `'`, as OWASP advises for CSV files: a page's text or a note must never run
 * in the reader's spreadsheet.
 */

/** A cell a spreadsheet would take for a formula: it starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet may safely open it: a would-be formula gets a leading `'`. */
export const neutralised = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** One RFC 4180 field: neutralised, then quoted, with quotes doubled, when it contains a comma, a quote, CR or LF. */
function csvField(raw: string): string {
  const value = neutralised(raw);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record with its CRLF. */
export const csvRecord = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** The UTF-8 byte order mark, as the first character of the text: without it Excel reads Chinese as mojibake. */
export const BOM = '\uFEFF';
