/**
 * Writing arbitrary text (quotes, notes, titles from 163.com pages) into Markdown so it reads back as the same text in
 * CommonMark/GFM renderers, Obsidian and Logseq: no accidental headings, lists, quotes, emphasis, links, HTML, tables,
 * tags (`#word`), highlights (`==x==`), math (`$x$`), comments (`%%`), block ids (`^id`) or macros (`{{x}}`).
 */

/**
 * ASCII punctuation that means something inline somewhere among those dialects. CommonMark lets a backslash escape
 * any ASCII punctuation, so escaping these is always safe; `(`, `)`, `.`, `-`, `+`, `!` and `:` only matter at the
 * start of a line or after an escaped `[`, and are left alone to keep the text readable.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>#~=^$%|&{}]/g;

/** A line that would start a list item: `-`, `+` (the `*` is already escaped), or a number followed by `.` or `)`. */
const LIST_START = /^([-+]|\d{1,9}(?=[.)]))/;

/** Line breaks in any convention. */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * One line of text as Markdown inline content: special characters backslash-escaped, a leading list marker defused,
 * and surrounding spaces and tabs removed (leading ones could make an indented code block, trailing ones a hard break;
 * renderers drop them anyway).
 */
export function escapeMarkdownLine(line: string): string {
  const escaped = line.replace(/^[ \t]+|[ \t]+$/g, '').replace(INLINE_SPECIAL, '\\$&');
  return escaped.replace(LIST_START, (marker) => (marker === '-' || marker === '+' ? `\\${marker}` : `${marker}\\`));
}

/** Splits text into lines at any line break and escapes each one. */
export const escapeMarkdownLines = (text: string): string[] => text.split(LINE_BREAK).map(escapeMarkdownLine);

/**
 * `text` as a blockquote: every line prefixed with `> `, blank lines kept inside the quote as a bare `>`, so a
 * multi-paragraph highlight stays one quote whatever characters it holds.
 */
export const blockquote = (text: string): string =>
  escapeMarkdownLines(text)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
