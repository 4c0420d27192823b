/**
 * Sentence translation as the content script does it: by the service the background's plan names — the reader's
 * remote service through the background, or the browser's on-device translator right here in the window — with
 * every outcome a value the popover or the paragraph view can show.
 */
import type { Result } from '../../../extension/messaging/messages';
import { t } from '../../../extension/i18n';
import type { SourceLanguage } from '../../../core/translate/languages';
import type { OnDeviceTranslator } from './on-device';
import type { Translated, TranslationPlan } from '../../../core/translate/plan';

/** Why there is no sentence service: none chosen, or the on-device one chosen but missing or without a model here. */
export type NotSetUpReason = 'off' | 'on-device-absent' | 'on-device-unavailable';

/** How a sentence translation went. */
export type SentenceOutcome =
  | { kind: 'done'; texts: string[]; provider: string }
  | {
      kind: 'failed';
      provider: string;
      message: string;
      /** The background's error code (`translate-auth`, …), or `on-device` when the browser's translator failed. */
      code: string;
    }
  | { kind: 'not-set-up'; reason: NotSetUpReason }
  /** The on-device translator needs its language pack: ask the reader, then call again with `allowDownload`. */
  | { kind: 'download'; provider: string };

/** What sentence translation needs from its surroundings. */
export interface SentenceDeps {
  /** Asks the background to translate with the reader's remote service. */
  remote(texts: string[], source: SourceLanguage): Promise<Result<Translated>>;
  onDevice: OnDeviceTranslator;
}

/** Options of one translation. */
export interface SentenceOptions {
  /** The reader clicked to download the language pack: creating the translator may download it now. */
  allowDownload?: boolean;
  onProgress?: (loaded: number) => void;
}

/** Translates `texts` as `plan` says; never rejects. */
export async function translateSentences(
  texts: string[],
  plan: TranslationPlan,
  deps: SentenceDeps,
  options: SentenceOptions = {},
): Promise<SentenceOutcome> {
  if (plan.kind === 'off') return { kind: 'not-set-up', reason: 'off' };
  if (plan.kind === 'remote') {
    const result = await deps.remote(texts, plan.source);
    if (result.ok) return { kind: 'done', ...result.value };
    return { kind: 'failed', provider: plan.provider, message: result.error.message, code: result.error.code };
  }
  const state = await deps.onDevice.state(plan.source);
  if (state === 'absent') return { kind: 'not-set-up', reason: 'on-device-absent' };
  if (state === 'unavailable') return { kind: 'not-set-up', reason: 'on-device-unavailable' };
  if (state !== 'available' && !options.allowDownload) return { kind: 'download', provider: plan.provider };
  try {
    const translated = await deps.onDevice.translate(texts, plan.source, options.onProgress);
    return { kind: 'done', texts: translated, provider: plan.provider };
  } catch {
    return { kind: 'failed', provider: plan.provider, message: t('translateOnDeviceFailed'), code: 'on-device' };
  }
}
