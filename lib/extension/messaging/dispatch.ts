/**
 * Turns an untrusted message into a validated handler call that answers with a `Result`. Shared by the background
 * router and the content script's page-request listener, so both validate and fail the same way.
 */
import * as v from 'valibot';
import type { MessageError, Result } from './messages';
import { fail, ok } from './result';

/** The request type of message `K` in map `M` (`BackgroundRequests` or `PageRequests`). */
type RequestOf<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;

/** The response type of message `K` in map `M`. */
type ResponseOf<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

/** One payload schema per message type of `M`, producing exactly the request type of that message. */
export type RequestSchemas<M> = { [K in keyof M]: v.GenericSchema<unknown, RequestOf<M, K>> };

/** One handler per message type of `M`; `context` is whatever the receiver knows about the sender. */
export type Handlers<M, C> = {
  [K in keyof M]: (payload: RequestOf<M, K>, context: C) => ResponseOf<M, K> | Promise<ResponseOf<M, K>>;
};

/** A message with the envelope shape and a type known to the map; its payload is not yet validated. */
export interface KnownEnvelope<M> {
  type: keyof M;
  payload: unknown;
}

const envelopeSchema = v.strictObject({ type: v.string(), payload: v.unknown() });

/** The message as an envelope of a type in `schemas`, or null when it is not one (foreign or malformed). */
export function parseEnvelope<M>(schemas: RequestSchemas<M>, message: unknown): KnownEnvelope<M> | null {
  const parsed = v.safeParse(envelopeSchema, message);
  if (!parsed.success || !Object.hasOwn(schemas, parsed.output.type)) return null;
  return { type: parsed.output.type as keyof M, payload: parsed.output.payload };
}

/** Longest field name quoted back in an error (names come from the sender and may be huge). */
const MAX_KEY_IN_MESSAGE = 40;

/** "annotation.target.selector[1].end must be greater than start": the issue's field path, then what is wrong. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const { key } of issue.path ?? []) {
    if (typeof key === 'number') path += `[${key}]`;
    else {
      const name = String(key);
      path += (path ? '.' : '') + (name.length > MAX_KEY_IN_MESSAGE ? `${name.slice(0, MAX_KEY_IN_MESSAGE)}…` : name);
    }
  }
  return `${path || 'payload'} ${issue.message}`;
}

/**
 * Validates the envelope's payload with its schema and runs its handler. Never rejects: an invalid payload answers
 * 'invalid-request' naming the field; a handler failure answers whatever `describeFailure` makes of it.
 */
export async function dispatch<M, C>(
  schemas: RequestSchemas<M>,
  handlers: Handlers<M, C>,
  envelope: KnownEnvelope<M>,
  context: C,
  describeFailure: (err: unknown) => MessageError,
): Promise<Result<unknown>> {
  const parsed = v.safeParse(schemas[envelope.type], envelope.payload, { abortEarly: true });
  if (!parsed.success) return fail('invalid-request', `This request was refused: ${describeIssue(parsed.issues[0])}.`);
  try {
    const handler = handlers[envelope.type] as (payload: unknown, context: C) => unknown;
    return ok(await handler(parsed.output, context));
  } catch (err) {
    return { ok: false, error: describeFailure(err) };
  }
}
