/** What the translation service answers: which service would translate, and what it translated. */
import type { SourceLanguage } from './languages';

/** What would translate a text: nothing, the browser's on-device translator, or a remote service; and from which script. */
export interface TranslationPlan {
  kind: 'off' | 'on-device' | 'remote';
  /** The service's display name ('' when off). */
  provider: string;
  source: SourceLanguage;
}

/** Translations of the texts asked for, in order, and the service that made them. */
export interface Translated {
  texts: string[];
  provider: string;
}
