/**
 * Reading JSON files of other tools leniently: objects are looked at, never copied (keys such as `__proto__` have no
 * effect), single values and lists are taken alike, and whatever is wrong is said in a short reader text.
 */
import { ISO_DATE_RE } from '../../model/schemas';
import { desktopArticleUrl, type ArticleUrl } from '../../netease/article-id';
import { readerText, type ReaderText } from '../../model/reader-text';
import type { Checked } from './import-records';

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** Whether `value` is a JSON object (not a list, not null). */
export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON-LD property as a list: absent is empty, a single value is a list of one. */
export const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Longest piece of file content quoted back in a reason. */
const MAX_QUOTED = 100;

/** File content as quoted back in a reason: cut after MAX_QUOTED characters. */
export const quoted = (text: string): string => (text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);

/** A refusal with its reason. */
export const fail = (reason: ReaderText): { ok: false; reason: ReaderText } => ({ ok: false, reason });

/** An ISO 8601 date field (`created`, `modified`, `updated`) as ms since the epoch; null when absent. */
export function readTime(node: JsonObject, field: string): Checked<number | null> {
  const value = node[field];
  if (value === undefined) return { ok: true, value: null };
  const ms = typeof value === 'string' && ISO_DATE_RE.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? { ok: true, value: ms } : fail(readerText('problemAt', field, readerText('problemIsoDate')));
}

/** The canonical desktop URL of a parsed article URL: desktop and legacy URLs without query or hash, else rebuilt. */
export function desktopUrl(url: string, parsed: ArticleUrl): string {
  if (parsed.kind !== 'desktop' && parsed.kind !== 'legacy') return desktopArticleUrl(parsed.id, parsed.channel);
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}`;
}
