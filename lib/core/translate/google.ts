/**
 * Google Cloud Translation (Basic, v2) client: `POST /language/translate/v2` with the key in `X-Goog-Api-Key` and
 * `format: "text"` (the default
 * is HTML, which would come back with entities). Errors carry a reason that tells a refused key from a used-up quota.
 */
import * as v from 'valibot';
import type { ProviderErrorCode, ProviderResult } from './errors';
import { codeForStatus, postJson, requestJson, toProviderResult, type FetchLike, type JsonAnswer } from './http';
import type { LanguagePair } from './languages';
import { GOOGLE_ORIGIN } from './origins';

/** What the reader sets up for Google Cloud Translation. */
export interface GoogleConfig {
  key: string;
}

/** Google's names for the two Chinese scripts. */
const SOURCE_CODES = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' } as const;

const answerSchema = v.object({ data: v.object({ translations: v.array(v.object({ translatedText: v.string() })) }) });

const errorSchema = v.object({
  error: v.object({ errors: v.optional(v.array(v.object({ reason: v.optional(v.string()) }))) }),
});

/** `reason`s of Google API errors that mean the quota or the request rate, not the key. */
const QUOTA_REASONS = new Set(['dailyLimitExceeded', 'quotaExceeded', 'limitExceeded', 'dailyLimitExceededUnreg']);
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

/** A Google error by its reason: quota and rate reasons first, an invalid key (a 400) as auth, else by status. */
function classify(answer: JsonAnswer): ProviderErrorCode {
  const parsed = v.safeParse(errorSchema, answer.body);
  const reasons = parsed.success ? (parsed.output.error.errors ?? []).map((e) => e.reason ?? '') : [];
  if (reasons.some((r) => QUOTA_REASONS.has(r))) return 'quota';
  if (reasons.some((r) => RATE_REASONS.has(r))) return 'rate-limit';
  if (reasons.includes('keyInvalid')) return 'auth';
  return codeForStatus(answer.status);
}

/** Translates `texts` with Google Cloud Translation v2 using the reader's API key. */
export async function translateWithGoogle(
  texts: readonly string[],
  languages: LanguagePair,
  config: GoogleConfig,
  fetchImpl: FetchLike,
): Promise<ProviderResult> {
  // The key travels in a header, never in the URL (where proxies, logs and error reports would keep it).
  const url = `${GOOGLE_ORIGIN}/language/translate/v2`;
  const body = { q: texts, source: SOURCE_CODES[languages.source], target: languages.target, format: 'text' };
  const answer = await requestJson(fetchImpl, url, postJson(body, { 'X-Goog-Api-Key': config.key.trim() }));
  const select = (data: v.InferOutput<typeof answerSchema>) => data.data.translations.map((t) => t.translatedText);
  return toProviderResult(answer, texts.length, answerSchema, select, classify);
}
