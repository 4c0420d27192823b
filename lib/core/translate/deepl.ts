/**
 * DeepL API client: `POST /v2/translate` with the reader's key in the `Authorization` header. Free-plan keys end in
 * `:fx` and use `api-free.deepl.com`; Pro keys use `api.deepl.com`. DeepL reads both Chinese scripts as `ZH`.
 */
import * as v from 'valibot';
import type { ProviderResult } from './errors';
import { postJson, requestJson, toProviderResult, type FetchLike } from './http';
import type { LanguagePair } from './languages';
import { DEEPL_FREE_ORIGIN, DEEPL_PRO_ORIGIN } from './origins';

/** What the reader sets up for DeepL. */
export interface DeeplConfig {
  key: string;
}

/** The API origin for a key: the free plan's for `…:fx` keys, Pro's otherwise. */
export const deeplOrigin = (key: string): string => (key.trim().endsWith(':fx') ? DEEPL_FREE_ORIGIN : DEEPL_PRO_ORIGIN);

const answerSchema = v.object({ translations: v.array(v.object({ text: v.string() })) });

/** Translates `texts` with DeepL; 403 is a refused key, 456 a used-up quota, 429 too many requests. */
export async function translateWithDeepl(
  texts: readonly string[],
  languages: LanguagePair,
  config: DeeplConfig,
  fetchImpl: FetchLike,
): Promise<ProviderResult> {
  const key = config.key.trim();
  const body = { text: texts, source_lang: 'ZH', target_lang: languages.target === 'en' ? 'EN-US' : languages.target };
  const answer = await requestJson(
    fetchImpl,
    `${deeplOrigin(key)}/v2/translate`,
    postJson(body, { authorization: `DeepL-Auth-Key ${key}` }),
  );
  return toProviderResult(answer, texts.length, answerSchema, (data) => data.translations.map((t) => t.text));
}
