/**
 * Chrome's built-in on-device `Translator` (Chrome 138+, desktop), seen from a window: it exists only in windows
 * (not in the service worker), only on secure pages, and not in every build (Debian's Chromium, Firefox). Nothing
 * leaves the computer. Creating a translator may first download a language pack, which needs the reader's click.
 */
import type { SourceLanguage } from '../../../core/translate/languages';
import { t } from '../../../extension/i18n';

/** What the browser offers for a language pair: no API at all, no model, a model to download, being downloaded, ready. */
export type OnDeviceState = 'absent' | 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** The parts of the `Translator` API used here (it is not yet in TypeScript's DOM types). */
interface TranslatorApi {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(options: {
    sourceLanguage: string;
    targetLanguage: string;
    monitor?: (monitor: EventTarget) => void;
  }): Promise<{ translate(text: string): Promise<string> }>;
}

/** Chrome's language tags for the two scripts. */
const CHROME_LANGUAGES: Record<SourceLanguage, string> = { 'zh-Hans': 'zh', 'zh-Hant': 'zh-Hant' };

const STATES: readonly OnDeviceState[] = ['unavailable', 'downloadable', 'downloading', 'available'];

/** The browser's on-device translator from `source` into English. */
export interface OnDeviceTranslator {
  /** What the browser offers for `source` → English; never rejects. */
  state(source: SourceLanguage): Promise<OnDeviceState>;
  /**
   * Translates `texts`, downloading the language pack first if needed (call it from the reader's click then);
   * `onProgress` hears the download's progress from 0 to 1. Rejects when the browser refuses.
   */
  translate(texts: readonly string[], source: SourceLanguage, onProgress?: (loaded: number) => void): Promise<string[]>;
}

/** The on-device translator of `win` (absent when `win` has no `Translator`). */
export function onDeviceTranslator(win: Window): OnDeviceTranslator {
  const api = (win as unknown as { Translator?: TranslatorApi }).Translator;
  const options = (source: SourceLanguage) => ({ sourceLanguage: CHROME_LANGUAGES[source], targetLanguage: 'en' });
  return {
    async state(source) {
      if (!api) return 'absent';
      try {
        const answer = await api.availability(options(source));
        return STATES.find((s) => s === answer) ?? 'unavailable';
      } catch {
        return 'unavailable';
      }
    },
    async translate(texts, source, onProgress) {
      if (!api) throw new Error(t('translateOnDeviceAbsent'));
      const translator = await api.create({
        ...options(source),
        monitor: (monitor) =>
          monitor.addEventListener('downloadprogress', (event) => onProgress?.((event as ProgressEvent).loaded)),
      });
      const out: string[] = [];
      for (const text of texts) out.push(await translator.translate(text));
      return out;
    },
  };
}
