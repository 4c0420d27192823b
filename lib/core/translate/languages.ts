/** The language pairs the annotator translates: Chinese in either script, into English. */

/** Simplified or Traditional Chinese (BCP 47 script subtags); each service names them its own way. */
export const SOURCE_LANGUAGES = ['zh-Hans', 'zh-Hant'] as const;
export type SourceLanguage = (typeof SOURCE_LANGUAGES)[number];

/** What a translation goes from and into. */
export interface LanguagePair {
  source: SourceLanguage;
  target: 'en';
}

/** The pair for text written in `source`. */
export const toEnglish = (source: SourceLanguage): LanguagePair => ({ source, target: 'en' });
