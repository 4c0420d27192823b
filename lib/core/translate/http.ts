/**
 * The one way provider clients talk HTTP: a JSON request with a time limit, answered by the status and the parsed
 * body, and the usual meaning of an HTTP status for a translation service. Network failures and time-outs are
 * answered, never thrown.
 */
import * as v from 'valibot';
import { providerFailure, type ProviderErrorCode, type ProviderFailure, type ProviderResult } from './errors';

/** `fetch`, or a stand-in (tests point it at a local server). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How long a service may take before the reader is told it cannot be reached. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** An HTTP answer: its status and its body parsed as JSON (undefined when the body is not JSON). */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** Longest piece of a service's own error text kept for the settings page. */
const MAX_DETAIL_LENGTH = 300;

/**
 * Sends one request and reads the answer as JSON. Resolves null when the service could not be reached (DNS, refused
 * connection, TLS, CORS, time-out); any HTTP status is an answer.
 */
export async function requestJson(fetchImpl: FetchLike, url: string, init: RequestInit): Promise<JsonAnswer | null> {
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), credentials: 'omit' });
    text = await response.text();
  } catch {
    return null;
  }
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: undefined };
  }
}

/** A POST of `body` as JSON with `headers` added. */
export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * What an HTTP status usually means from a translation service: 401/403 the key, 429 too many requests, 456 DeepL's
 * used-up quota, 400/413/414 a request it will not translate (language, size), 5xx its own trouble. Anything else
 * (404 from a wrong address, a redirect page) is an answer we cannot read.
 */
export function codeForStatus(status: number): ProviderErrorCode {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate-limit';
  if (status === 456) return 'quota';
  if (status === 400 || status === 413 || status === 414) return 'unsupported';
  if (status >= 500) return 'server';
  return 'bad-response';
}

/** The service's own explanation (`message` or `error` text), or `HTTP <status>`, shortened for display. */
export function errorDetail(answer: JsonAnswer): string {
  const body = answer.body as { message?: unknown; error?: unknown } | undefined;
  const inner = typeof body?.error === 'object' && body.error !== null ? (body.error as { message?: unknown }) : undefined;
  const nested = inner?.message;
  const said = [body?.message, body?.error, nested].find((s): s is string => typeof s === 'string' && s.trim() !== '');
  const detail = said ? `HTTP ${answer.status}: ${said.trim()}` : `HTTP ${answer.status}`;
  return detail.length > MAX_DETAIL_LENGTH ? `${detail.slice(0, MAX_DETAIL_LENGTH)}…` : detail;
}

/**
 * Reads an answer: a 200 whose body matches `schema` gives `select(body)`; no answer is `network`; another status is
 * what `classify` makes of it; a 200 that does not match is `bad-response`.
 */
export function readAnswer<S extends v.GenericSchema, T>(
  answer: JsonAnswer | null,
  schema: S,
  select: (body: v.InferOutput<S>) => T,
  classify: (answer: JsonAnswer) => ProviderErrorCode = (a) => codeForStatus(a.status),
): { ok: true; value: T } | ProviderFailure {
  if (answer === null) return providerFailure('network', 'no answer');
  if (answer.status !== 200) return providerFailure(classify(answer), errorDetail(answer));
  const parsed = v.safeParse(schema, answer.body);
  if (!parsed.success) return providerFailure('bad-response', 'HTTP 200: the answer is not in the expected form');
  return { ok: true, value: select(parsed.output) };
}

/** A translation answer as a result: `readAnswer`, and exactly one translation for each of the `expected` texts. */
export function toProviderResult<S extends v.GenericSchema>(
  answer: JsonAnswer | null,
  expected: number,
  schema: S,
  select: (body: v.InferOutput<S>) => string[],
  classify?: (answer: JsonAnswer) => ProviderErrorCode,
): ProviderResult {
  const read = readAnswer(answer, schema, select, classify);
  if (!read.ok) return read;
  const count = read.value.length;
  if (count !== expected) return providerFailure('bad-response', `HTTP 200: ${count} translations for ${expected} texts`);
  return { ok: true, texts: read.value };
}
