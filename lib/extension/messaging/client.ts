/**
 * Typed calls across the extension: content script or popup → background (`callBackground`), background or popup →
 * a tab's content script (`callTab`), and the content script's side of the latter (`onPageRequests`).
 * Calls resolve to a `Result` and never throw: a missing or restarting receiver is an error value like any other.
 */
import { browser } from 'wxt/browser';
import { fail, isResult, unexpectedError, type Result } from '../../core/model/result';
import type { BackgroundRequests, BackgroundType, PageRequests, PageType } from './messages';
import { indexByName, type AnyDeclaration, type MessageDeclaration } from './declare';
import { dispatch, parseEnvelope, type FailureWording } from './dispatch';
import { t } from '../i18n';
import type { ChangesHappened } from '../../core/model/changes';
import type { changesHappened } from './page-notices';

/** Chrome's and Firefox's wording when nobody listens, the channel closed mid-call, or the fake browser has no listener. */
const NO_RECEIVER_RE =
  /Receiving end does not exist|Could not establish connection|message port closed|message channel closed|Message manager disconnected|No listeners available/i;

/** Wording when this content script belongs to an extension that was since updated, reloaded or removed. */
const CONTEXT_INVALIDATED_RE = /Extension context invalidated/i;

/** Sends one envelope and turns every outcome into a `Result`; `unreachable` explains a missing receiver. */
async function send<T>(transport: () => Promise<unknown>, unreachable: () => string): Promise<Result<T>> {
  let answer: unknown;
  try {
    answer = await transport();
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (CONTEXT_INVALIDATED_RE.test(text)) return fail('no-receiver', t('errorReloadPage'));
    if (NO_RECEIVER_RE.test(text)) return fail('no-receiver', unreachable());
    return { ok: false, error: unexpectedError(err, t('errorTransportFailed')) };
  }
  if (isResult(answer)) return answer as Result<T>;
  // Chrome resolves `undefined` when a receiver exists but none of its listeners answered.
  return answer === undefined
    ? fail('no-receiver', unreachable())
    : { ok: false, error: unexpectedError(answer, t('errorTransportFailed')) };
}

/** The notice's name, spelled here so that callers of this module (the content script) do not bundle its schema. */
const CHANGES_HAPPENED: (typeof changesHappened)['name'] = 'changes/happened';

/**
 * Tells every open extension page (popup, library, options, note editor frame) that records changed, from the
 * background; pages only listen, so this resolves to 'no-receiver' when it was delivered, and also when no page is open.
 */
export function tellExtensionPages(payload: ChangesHappened): Promise<Result<void>> {
  return send(
    () => browser.runtime.sendMessage({ type: CHANGES_HAPPENED, payload }),
    () => t('errorTransportFailed'),
  );
}

/** Sends a typed request to the background; never throws (`callBackground`, or a fake of it in tests). */
export type CallBackground = <T extends BackgroundType>(
  type: T,
  payload: BackgroundRequests[T]['request'],
) => Promise<Result<BackgroundRequests[T]['response']>>;

/** Asks the background (which owns the database) to handle `type`; resolves to its `Result`. */
export function callBackground<K extends BackgroundType>(
  type: K,
  payload: BackgroundRequests[K]['request'],
): Promise<Result<BackgroundRequests[K]['response']>> {
  return send(
    () => browser.runtime.sendMessage({ type, payload }),
    () => t('errorBackgroundUnreachable'),
  );
}

/**
 * Asks the content script in tab `tabId` to handle `type`. Only the top frame is asked (`frameId: 0`): the article
 * is the page itself, and several frames answering would race.
 */
export function callTab<K extends PageType>(
  tabId: number,
  type: K,
  payload: PageRequests[K]['request'],
): Promise<Result<PageRequests[K]['response']>> {
  return send(
    () => browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 }),
    () => t('errorTabUnreachable'),
  );
}

/** How a content script words a failed page request. */
const pageWording: FailureWording = { failure: (err) => unexpectedError(err, t('errorPageFailed')) };

/** A feature's page messages bound to the feature that answers them. */
export interface PageAnswers {
  readonly messages: readonly AnyDeclaration[];
  readonly api: unknown;
}

/** Binds a feature's page-message declarations to the feature (`api`) their handlers are given. */
export const pageAnswers = <Api>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  messages: readonly MessageDeclaration<string, any, any, Api>[],
  api: Api,
): PageAnswers => ({ messages, api });

/**
 * Answers the page requests the features declare, from this extension only (the background and our pages), with one
 * listener; other messages are left for other listeners. Payloads are validated before a handler runs. Returns a
 * function that unregisters the listener.
 */
export function onPageRequests(features: readonly PageAnswers[]): () => void {
  const declared = indexByName(features.flatMap(({ messages }) => messages));
  const apiOf = new Map(features.flatMap(({ messages, api }) => messages.map((m) => [m.name, api] as const)));
  const listener = (message: unknown, sender: { id?: string }): Promise<Result<unknown>> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const envelope = parseEnvelope(declared, message);
    if (envelope === null) return undefined;
    return dispatch(envelope, apiOf.get(envelope.declaration.name), pageWording);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
