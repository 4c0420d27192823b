/**
 * A message is declared once: its name, the valibot schema of its request, who may send it and its handler, side by
 * side in the feature it belongs to. Receivers derive their routing and sender checks from the declarations, and
 * callers derive their types from them (`ApiOf`), so no message is written twice.
 */
import type * as v from 'valibot';

/** Who sends a request to the background: our content script in a NetEase tab, or one of our own pages. */
export type SenderKind = 'content-script' | 'extension-page';

/** One message: `handle` answers a request that `request` validated, with whatever the receiver gives as `context`. */
export interface MessageDeclaration<N extends string, Req, Res, Ctx> {
  /** The wire name, `feature/verb`. */
  readonly name: N;
  /** Senders allowed to send it; the background refuses anyone else before validating. */
  readonly from: readonly SenderKind[];
  /** Validates the untrusted payload; strict and bounded. */
  readonly request: v.GenericSchema<unknown, Req>;
  readonly handle: (request: Req, context: Ctx) => Res | Promise<Res>;
}

/** Any declaration, for lists (handler parameters are checked at each declaration, not here). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDeclaration = MessageDeclaration<string, any, any, any>;

/** The request and response types of each message in `list`, by name: what typed callers work with. */
export type ApiOf<List extends readonly AnyDeclaration[]> = {
  [D in List[number] as D['name']]: D extends MessageDeclaration<string, infer Req, infer Res, infer _Ctx>
    ? { request: Req; response: Awaited<Res> }
    : never;
};

/** Senders: content scripts and extension pages alike. */
export const ANY_SENDER: readonly SenderKind[] = ['content-script', 'extension-page'];

/** Senders: only the extension's own pages (a content script, which a hostile page can talk to, never needs it). */
export const PAGES_ONLY: readonly SenderKind[] = ['extension-page'];

/** Indexes declarations by name, refusing a name declared twice (a message is declared once). */
export function indexByName<D extends AnyDeclaration>(list: readonly D[]): ReadonlyMap<string, D> {
  const byName = new Map<string, D>();
  for (const declaration of list) {
    if (byName.has(declaration.name)) throw new Error(`Message ${declaration.name} is declared twice`);
    byName.set(declaration.name, declaration);
  }
  return byName;
}

/** Senders of a request a tab's content script answers: the background and the extension's pages (never the page). */
export const FROM_EXTENSION: readonly SenderKind[] = ['extension-page'];
