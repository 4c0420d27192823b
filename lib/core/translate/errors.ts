/**
 * Why a translation did not come back, as a code the reader's message is chosen by. Provider clients answer with the
 * first seven; the background adds the two that are about the set-up rather than the service.
 */

/**
 * What can go wrong talking to a translation service: a refused key, a used-up quota, too many requests, no answer,
 * a request it will not translate, an answer we cannot read, trouble on its side.
 */
export type ProviderErrorCode = 'auth' | 'quota' | 'rate-limit' | 'network' | 'unsupported' | 'bad-response' | 'server';

/** Any reason a sentence translation failed: a service failure, no service chosen, or no permission to reach it. */
export type TranslateFailureCode = ProviderErrorCode | 'not-set-up' | 'no-permission';

/** The message-level error code of a translation failure (`translate-auth`, `translate-not-set-up`, …). */
export type TranslateErrorCode = `translate-${TranslateFailureCode}`;

/** What a provider client answers: the translations in input order, or why there are none. */
export type ProviderResult =
  | { ok: true; texts: string[] }
  | {
      ok: false;
      code: ProviderErrorCode;
      /** The service's own words (or the HTTP status), for the settings page's test; never shown in the popover. */
      detail: string;
    };

/** A failed provider result. */
export type ProviderFailure = Extract<ProviderResult, { ok: false }>;

/** A failed provider result with `code` and the service's `detail`. */
export const providerFailure = (code: ProviderErrorCode, detail: string): ProviderFailure => ({ ok: false, code, detail });

/** A translation failure with the sentence the reader sees; the background answers it as a `MessageError`. */
export class TranslationFailure extends Error {
  constructor(
    readonly code: TranslateFailureCode,
    message: string,
    /** The service's own words, when it said something. */
    readonly detail = '',
  ) {
    super(message);
    this.name = 'TranslationFailure';
  }

  /** The `MessageError` code this failure travels under. */
  get errorCode(): TranslateErrorCode {
    return `translate-${this.code}`;
  }
}
