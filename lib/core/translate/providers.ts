/**
 * The remote translation services, each with its display name, the origins its requests go to (the optional host
 * permissions the reader grants), and its client.
 */
import { deeplOrigin, translateWithDeepl, type DeeplConfig } from './deepl';
import type { ProviderResult } from './errors';
import { translateWithGoogle } from './google';
import { GOOGLE_ORIGIN } from './origins';
import type { FetchLike } from './http';
import type { LanguagePair } from './languages';
import { translateWithLibreTranslate, type LibreTranslateConfig } from './libretranslate';
import { isServerAddress, type RemoteProviderId, type TranslationSettings } from './settings';

/** One remote service. */
export interface RemoteProvider<C> {
  /** Shown with every translation it makes. */
  name: string;
  /** Whether `config` has what the service needs (a key, a server address). */
  isComplete(config: C): boolean;
  /** The host permissions its requests need, as match patterns. */
  origins(config: C): string[];
  translate(texts: readonly string[], languages: LanguagePair, config: C, fetchImpl: FetchLike): Promise<ProviderResult>;
}

const hasKey = (config: { key: string }) => config.key.trim() !== '';

/** The remote services by id. */
export const REMOTE_PROVIDERS: { [K in RemoteProviderId]: RemoteProvider<TranslationSettings[K]> } = {
  deepl: {
    name: 'DeepL',
    isComplete: hasKey,
    origins: (config: DeeplConfig) => [`${deeplOrigin(config.key)}/*`],
    translate: translateWithDeepl,
  },
  libretranslate: {
    name: 'LibreTranslate',
    isComplete: (config: LibreTranslateConfig) => isServerAddress(config.baseUrl),
    // The reader's server, on any port of its host: Firefox's match patterns cannot name a port.
    origins: (config: LibreTranslateConfig) => {
      const { protocol, hostname } = new URL(config.baseUrl.trim());
      return [`${protocol}//${hostname}/*`];
    },
    translate: translateWithLibreTranslate,
  },
  google: {
    name: 'Google Cloud Translation',
    isComplete: hasKey,
    origins: () => [`${GOOGLE_ORIGIN}/*`],
    translate: translateWithGoogle,
  },
};

/** Remote service `id` bound to its part of `settings`. */
export interface BoundProvider {
  name: string;
  isComplete(): boolean;
  origins(): string[];
  translate(texts: readonly string[], languages: LanguagePair, fetchImpl: FetchLike): Promise<ProviderResult>;
}

/** The remote service `id` with its configuration from `settings`. */
export function boundProvider<K extends RemoteProviderId>(id: K, settings: TranslationSettings): BoundProvider {
  const provider: RemoteProvider<TranslationSettings[K]> = REMOTE_PROVIDERS[id];
  const config = settings[id];
  return {
    name: provider.name,
    isComplete: () => provider.isComplete(config),
    origins: () => provider.origins(config),
    translate: (texts, languages, fetchImpl) => provider.translate(texts, languages, config, fetchImpl),
  };
}

/** The name shown with translations made by the browser's own on-device translator. */
export const ON_DEVICE_PROVIDER_NAME = 'Chrome on-device';
