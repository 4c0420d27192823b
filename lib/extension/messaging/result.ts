/** Builders for the `Result` every message answers with, so no module spells the shape by hand. */
import type { ErrorCode, MessageError, Result } from './messages';

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
