/**
 * The background's side of translation: which service the reader chose, sentence translations through it (cache
 * first, only the texts asked for, only with the reader's permission for its host), dictionary words for the popover,
 * and the options page's test and cache clearing. Keys are read here and go nowhere but to their own service.
 */
import type { Dictionary } from '../../core/gloss/dictionary';
import type { WordIndex } from '../../core/gloss/word-index';
import type { TranslationCache } from '../../../storage/translation-cache';
import { detectScript } from '../../core/translate/chinese-script';
import { TranslationFailure, type TranslateFailureCode } from '../../core/translate/errors';
import { failureMessage } from './failure-message';
import type { FetchLike } from '../../core/translate/http';
import { toEnglish, type SourceLanguage } from '../../core/translate/languages';
import { boundProvider, ON_DEVICE_PROVIDER_NAME, REMOTE_PROVIDERS } from '../../core/translate/providers';
import { selectionWords, type SelectionWord } from '../../core/translate/selection-words';
import type { Translated, TranslationPlan } from '../../core/translate/plan';
import { isRemoteChoice, type TranslationSettings } from '../../core/translate/settings';

/** Everything the service works with, injected so tests can use a local server, a fresh database and fake storage. */
export interface TranslateServiceDeps {
  readSettings(): Promise<TranslationSettings>;
  /** Whether the extension holds host permission for all of `origins` (match patterns). */
  hasPermission(origins: string[]): Promise<boolean>;
  cache: TranslationCache;
  fetch: FetchLike;
  dictionary(): Promise<Dictionary>;
  /** The dictionary's word index alone (all that telling a text's script needs). */
  words(): Promise<WordIndex>;
}

/** Most texts sent in one request (DeepL's limit is 50). */
export const MAX_TEXTS_PER_REQUEST = 50;
/** Most characters sent in one request, well under every service's request size limit. */
export const MAX_CHARS_PER_REQUEST = 20_000;

/** What the options page's Test button translates. */
export const TEST_SENTENCE = '你好，世界。';

/** `texts` in consecutive batches of at most MAX_TEXTS_PER_REQUEST texts and MAX_CHARS_PER_REQUEST characters. */
export function batches(texts: readonly string[]): string[][] {
  const out: string[][] = [];
  let size = Infinity;
  for (const text of texts) {
    const last = out[out.length - 1];
    if (!last || last.length === MAX_TEXTS_PER_REQUEST || size + text.length > MAX_CHARS_PER_REQUEST) {
      out.push([text]);
      size = text.length;
    } else {
      last.push(text);
      size += text.length;
    }
  }
  return out;
}

const fail = (code: TranslateFailureCode, provider: string, detail?: string) =>
  new TranslationFailure(code, failureMessage(code, provider), detail);

/** Builds the service over `deps`; the background answers the `translate/…` messages with it. */
export function createTranslateService(deps: TranslateServiceDeps) {
  /**
   * The remote service the settings choose, ready to call: `not-set-up` when they choose none or leave out its key
   * or address, `no-permission` while the reader has not allowed its host.
   */
  async function remote(settings: TranslationSettings) {
    if (!isRemoteChoice(settings.provider)) throw fail('not-set-up', '');
    const provider = boundProvider(settings.provider, settings);
    if (!provider.isComplete()) throw fail('not-set-up', provider.name);
    if (!(await deps.hasPermission(provider.origins()))) throw fail('no-permission', provider.name);
    return {
      name: provider.name,
      run: async (texts: string[], source: SourceLanguage): Promise<string[]> => {
        const result = await provider.translate(texts, toEnglish(source), deps.fetch);
        if (!result.ok) throw fail(result.code, provider.name, result.detail);
        return result.texts;
      },
    };
  }

  return {
    /** Which kind of service would translate `sample`, and its script. */
    async plan(sample: string): Promise<TranslationPlan> {
      const [settings, words] = await Promise.all([deps.readSettings(), deps.words()]);
      const source = detectScript(sample, words);
      const { provider } = settings;
      if (isRemoteChoice(provider)) return { kind: 'remote', provider: REMOTE_PROVIDERS[provider].name, source };
      if (provider === 'on-device') return { kind: 'on-device', provider: ON_DEVICE_PROVIDER_NAME, source };
      return { kind: 'off', provider: '', source };
    },

    /** The dictionary words of `text` with their readings and senses. */
    async words(text: string): Promise<SelectionWord[]> {
      return selectionWords(text, await deps.dictionary());
    },

    /** Translates `texts` from `source` with the chosen remote service, sending only those not already cached. */
    async translate(texts: string[], source: SourceLanguage): Promise<Translated> {
      const settings = await deps.readSettings();
      const service = await remote(settings);
      const id = settings.provider;
      const cached = await deps.cache.get(id, source, texts);
      const missing = [...new Set(texts.filter((_, i) => cached[i] === undefined))];
      const found = new Map<string, string>();
      for (const batch of batches(missing)) {
        const translations = await service.run(batch, source);
        batch.forEach((text, i) => found.set(text, translations[i]));
        await deps.cache.put(id, service.name, source, batch, translations);
      }
      return { texts: texts.map((text, i) => cached[i] ?? found.get(text)!), provider: service.name };
    },

    /**
     * Translates TEST_SENTENCE with the saved settings, past the cache: proves the key, address and permission. A
     * failure's message ends with what the service itself said, to help the reader fix the set-up.
     */
    async test(): Promise<Translated> {
      const service = await remote(await deps.readSettings());
      try {
        return { texts: await service.run([TEST_SENTENCE], 'zh-Hans'), provider: service.name };
      } catch (err) {
        if (!(err instanceof TranslationFailure) || !err.detail) throw err;
        throw new TranslationFailure(err.code, `${err.message} (${err.detail})`);
      }
    },

    /** Forgets every cached translation; resolves with how many there were. */
    clearCache: (): Promise<number> => deps.cache.clear(),
  };
}

/** The background's translation service. */
export type TranslateService = ReturnType<typeof createTranslateService>;
