/** The sentence a reader sees for each way a translation can fail, in the interface language. */
import { t, type MessageKey } from '../../extension/i18n';
import type { TranslateFailureCode } from '../../core/translate/errors';

const KEYS: Record<TranslateFailureCode, MessageKey> = {
  auth: 'translateFailedAuth',
  quota: 'translateFailedQuota',
  'rate-limit': 'translateFailedRateLimit',
  network: 'translateFailedNetwork',
  unsupported: 'translateFailedUnsupported',
  'bad-response': 'translateFailedBadResponse',
  server: 'translateFailedServer',
  'not-set-up': 'translateNotSetUp',
  'no-permission': 'translateNoPermission',
};

/** What to tell the reader when `provider` failed with `code`. */
export const failureMessage = (code: TranslateFailureCode, provider: string): string => t(KEYS[code], provider);
