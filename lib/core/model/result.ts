/**
 * The answer every request gets, in every context: a value or an error that travels as data, with a code the UI can
 * explain and a sentence in the reader's language. Pure types and builders, so storage, formats and views share them.
 */
import type { TranslateErrorCode } from '../translate/errors';

/** Every answer is a result: errors travel as data with a code the UI can explain. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

/** What kind of failure an error is. */
export type ErrorCode =
  | 'invalid-request'
  | 'forbidden-sender'
  | 'not-found'
  | 'invalid-file'
  | 'storage-quota'
  | 'storage-unavailable'
  | 'no-receiver'
  | 'internal'
  | TranslateErrorCode;

/** A failure as the reader sees it: `message` is a sentence the UI can show as it is. */
export interface MessageError {
  code: ErrorCode;
  message: string;
}

/** A successful answer carrying `value`. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A failed answer: `message` is a sentence the UI can show as it is. */
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({ ok: false, error: { code, message } });

/** Whether an answer that crossed the wire has the `Result` shape (anything else means the receiver misbehaved). */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; error?: Partial<MessageError> };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && typeof candidate.error?.code === 'string' && typeof candidate.error.message === 'string';
}

/** Logs an unexpected failure for developers and returns an 'internal' error whose message reveals nothing of it. */
export function unexpectedError(err: unknown, message: string): MessageError {
  console.error('[netease-annotator]', err);
  return { code: 'internal', message };
}
