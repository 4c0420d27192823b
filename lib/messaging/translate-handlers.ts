/**
 * The background's answers to translation requests. Keys never leave the background: answers name the service,
 * never its key or address.
 */
import type { BackgroundRequests } from '../model/messages';
import type { TranslateService } from '../translate/translate-service';
import type { Handlers } from './dispatch';

/** What the translation handlers work with. */
export interface TranslateBackend {
  service: TranslateService;
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
  | 'translate/clear-cache';

/** Translation requests only the options page makes: a content script never tests the key or clears the cache. */
export const TRANSLATE_PAGE_ONLY: readonly TranslateType[] = ['translate/test', 'translate/clear-cache'];

/** Handlers for the translation messages, to merge into the background router's. */
export function createTranslateHandlers(
  backend: TranslateBackend,
): Pick<Handlers<BackgroundRequests, unknown>, TranslateType> {
  const { service } = backend;
  return {
    'translate/plan': ({ sample }) => service.plan(sample),
    'translate/words': ({ text }) => service.words(text),
    'translate/text': ({ texts, source }) => service.translate(texts, source),
    'translate/open-options': () => backend.openOptions(),
    'translate/test': () => service.test(),
    'translate/clear-cache': () => service.clearCache(),
  };
}
