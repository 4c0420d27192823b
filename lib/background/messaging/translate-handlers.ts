/**
 * The background's answers to translation requests. Keys never leave the background: answers name the service,
 * never its key or address.
 */
import type { TranslationSettingsStore } from '../../../storage/translation-settings-store';
import type { BackgroundRequests } from '../../extension/messaging/messages';
import type { TranslateService } from '../translate/translate-service';
import type { Handlers } from '../../extension/messaging/dispatch';

/** What the translation handlers work with. */
export interface TranslateBackend {
  service: TranslateService;
  /** Where the set-up is kept (keys included). */
  settings: TranslationSettingsStore;
  /** Opens the extension's options page (`runtime.openOptionsPage` in the extension). */
  openOptions(): Promise<void>;
}

/** The message types answered here. */
type TranslateType =
  | 'translate/plan'
  | 'translate/words'
  | 'translate/text'
  | 'translate/open-options'
  | 'translate/test'
  | 'translate/clear-cache'
  | 'translate/settings'
  | 'translate/save-settings';

/**
 * Translation requests only the options page makes: a content script never reads or changes the set-up (the keys),
 * tests it or clears the cache.
 */
export const TRANSLATE_PAGE_ONLY: readonly TranslateType[] = [
  'translate/test',
  'translate/clear-cache',
  'translate/settings',
  'translate/save-settings',
];

/** Handlers for the translation messages, to merge into the background router's. */
export function createTranslateHandlers(backend: TranslateBackend): Pick<Handlers<BackgroundRequests, unknown>, TranslateType> {
  const { service } = backend;
  return {
    'translate/plan': ({ sample }) => service.plan(sample),
    'translate/words': ({ text }) => service.words(text),
    'translate/text': ({ texts, source }) => service.translate(texts, source),
    'translate/open-options': () => backend.openOptions(),
    'translate/test': () => service.test(),
    'translate/clear-cache': () => service.clearCache(),
    'translate/settings': () => backend.settings.read(),
    'translate/save-settings': ({ settings }) => backend.settings.write(settings),
  };
}
