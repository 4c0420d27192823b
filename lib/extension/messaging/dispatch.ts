/**
 * Turns an untrusted message into a validated handler call that answers with a `Result`. Shared by the background
 * router and the content script's page-request listener, so both validate and fail the same way.
 */
import * as v from 'valibot';
import { describeIssue } from '../../core/model/problems';
import { fail, ok, type MessageError, type Result } from '../../core/model/result';
import { say, t } from '../i18n';
import type { AnyDeclaration } from './declare';

/** A message with the envelope shape whose type is declared; its payload is not yet validated. */
export interface KnownEnvelope<D extends AnyDeclaration> {
  declaration: D;
  payload: unknown;
}

const envelopeSchema = v.strictObject({ type: v.string(), payload: v.unknown() });

/** The message as an envelope of a declared type, or null when it is not one (foreign or malformed). */
export function parseEnvelope<D extends AnyDeclaration>(
  declared: ReadonlyMap<string, D>,
  message: unknown,
): KnownEnvelope<D> | null {
  const parsed = v.safeParse(envelopeSchema, message);
  if (!parsed.success) return null;
  const declaration = declared.get(parsed.output.type);
  return declaration ? { declaration, payload: parsed.output.payload } : null;
}

/** Longest field name quoted back in an error (names come from the sender and may be huge). */
const MAX_KEY_IN_MESSAGE = 40;

/** The issue's field path as code spells it, e.g. "annotation.target.selector[1].end"; "payload" for the whole. */
function fieldPath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const { key } of issue.path ?? []) {
    if (typeof key === 'number') path += `[${key}]`;
    else {
      const name = String(key);
      path += (path ? '.' : '') + (name.length > MAX_KEY_IN_MESSAGE ? `${name.slice(0, MAX_KEY_IN_MESSAGE)}…` : name);
    }
  }
  return path || 'payload';
}

/** How a receiver words its handlers' failures for the reader. */
export interface FailureWording {
  /** A handler's failure as the reader sees it. */
  failure(err: unknown): MessageError;
}

/**
 * Validates the envelope's payload with its declaration's schema and runs its handler. Never rejects: an invalid
 * payload answers 'invalid-request' naming the field, in the reader's language; a handler failure answers whatever `wording` makes of it.
 */
export async function dispatch<D extends AnyDeclaration>(
  envelope: KnownEnvelope<D>,
  context: Parameters<D['handle']>[1],
  wording: FailureWording,
): Promise<Result<unknown>> {
  const { declaration } = envelope;
  const parsed = v.safeParse(declaration.request, envelope.payload, { abortEarly: true });
  if (!parsed.success) {
    const [issue] = parsed.issues;
    return fail('invalid-request', t('errorInvalidRequest', say(describeIssue(issue, fieldPath(issue)))));
  }
  try {
    return ok(await declaration.handle(parsed.output, context));
  } catch (err) {
    return { ok: false, error: wording.failure(err) };
  }
}
