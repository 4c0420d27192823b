/**
 * The background's single entry point for requests: checks who is asking, finds the request's declaration, checks the
 * sender may send it, validates it, runs its handler and answers with a `Result`. It never throws to the messaging layer.
 */
import { browser } from 'wxt/browser';
import { StorageError } from '../../../storage/errors';
import { BoundedCache } from '../../core/gloss/word-index';
import { fail, unexpectedError, type MessageError, type Result } from '../../core/model/result';
import { TranslationFailure } from '../../core/translate/errors';
import { dispatch, parseEnvelope, type FailureWording } from '../../extension/messaging/dispatch';
import { t } from '../../extension/i18n';
import { InvalidFileError } from '../exchange/exchange-messages';
import { BACKGROUND_MESSAGES_BY_NAME } from '../messages';
import type { BackgroundServices, RequestContext } from './request-context';
import { ScopeError } from './scope-error';
import { createSenderScopes, type SenderInfo } from './sender-scope';

export type { SenderInfo } from './sender-scope';

/** Answers one incoming message with a `Result`; never rejects. */
export type BackgroundRouter = (message: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

/** Storage, file and scope failures carry their own reader-facing message; anything else is a bug, logged and hidden. */
function describeFailure(err: unknown): MessageError {
  if (err instanceof StorageError) return { code: err.code, message: err.message };
  if (err instanceof InvalidFileError) return { code: 'invalid-file', message: err.message };
  if (err instanceof ScopeError) return { code: 'forbidden-sender', message: err.message };
  if (err instanceof TranslationFailure) return { code: err.errorCode, message: err.message };
  return unexpectedError(err, t('errorInternal'));
}

const wording: FailureWording = { failure: describeFailure };

/** Builds the router over `services`; wire it to `browser.runtime.onMessage` and return its promise. */
export function createBackgroundRouter(services: BackgroundServices): BackgroundRouter {
  const scopeOf = createSenderScopes(browser.runtime.id, browser.runtime.getURL('/'));
  const glossTerms: RequestContext['glossTerms'] = new BoundedCache();

  return async (message, sender) => {
    try {
      const scope = scopeOf(sender);
      if (scope === null) return fail('forbidden-sender', t('errorForbiddenSender'));
      const envelope = parseEnvelope(BACKGROUND_MESSAGES_BY_NAME, message);
      if (envelope === null) return fail('invalid-request', t('errorNotARequest'));
      if (!envelope.declaration.from.includes(scope.kind)) return fail('forbidden-sender', t('errorPagesOnly'));
      // A content script's tab already shows its own change; a change made in an extension page (the note editor
      // frame included) is news to every tab showing the article.
      const tabId = scope.kind === 'content-script' ? scope.tabId : undefined;
      return await dispatch(envelope, { scope, tabId, services, glossTerms }, wording);
    } catch (err) {
      return { ok: false, error: unexpectedError(err, t('errorInternal')) };
    }
  };
}
