/**
 * LibreTranslate client for a server the reader chooses (self-hosted or a public instance): `GET /languages` to learn
 * how that server spells Chinese (`zh`, `zt`, `zh-Hans`, `zh-Hant` vary by version), then `POST /translate`.
 */
import * as v from 'valibot';
import { providerFailure, type ProviderResult } from './errors';
import { postJson, readAnswer, requestJson, toProviderResult, type FetchLike } from './http';
import type { LanguagePair, SourceLanguage } from './languages';

/** What the reader sets up for LibreTranslate: the server's address and, when it asks for one, an API key. */
export interface LibreTranslateConfig {
  baseUrl: string;
  key: string;
}

/** Codes a server may use for each script, best first; Traditional falls back to Simplified models. */
const SOURCE_CANDIDATES: Record<SourceLanguage, readonly string[]> = {
  'zh-Hans': ['zh-Hans', 'zh', 'zh-CN'],
  'zh-Hant': ['zh-Hant', 'zt', 'zh-TW', 'zh-Hans', 'zh', 'zh-CN'],
};

const languagesSchema = v.array(v.object({ code: v.string(), targets: v.optional(v.array(v.string())) }));

const answerSchema = v.object({ translatedText: v.union([v.string(), v.array(v.string())]) });

/** The server address without trailing slashes, so paths join cleanly. */
export const libreBase = (baseUrl: string): string => baseUrl.trim().replace(/\/+$/, '');

/** Translates `texts` on the reader's LibreTranslate server. */
export async function translateWithLibreTranslate(
  texts: readonly string[],
  languages: LanguagePair,
  config: LibreTranslateConfig,
  fetchImpl: FetchLike,
): Promise<ProviderResult> {
  const base = libreBase(config.baseUrl);
  const listed = readAnswer(await requestJson(fetchImpl, `${base}/languages`, { method: 'GET' }), languagesSchema, (l) => l);
  if (!listed.ok) return listed;
  const canTranslate = (code: string) =>
    listed.value.some((l) => l.code === code && (l.targets === undefined || l.targets.includes(languages.target)));
  const source = SOURCE_CANDIDATES[languages.source].find(canTranslate);
  if (source === undefined) return providerFailure('unsupported', 'the server lists no Chinese to English model');

  const key = config.key.trim();
  const body = { q: texts, source, target: languages.target, format: 'text', ...(key && { api_key: key }) };
  const answer = await requestJson(fetchImpl, `${base}/translate`, postJson(body));
  return toProviderResult(answer, texts.length, answerSchema, ({ translatedText }) =>
    typeof translatedText === 'string' ? [translatedText] : translatedText,
  );
}
