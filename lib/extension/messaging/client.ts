/**
 * Typed calls across the extension: content script or popup → background (`callBackground`), background or popup →
 * a tab's content script (`callTab`), and the content script's side of the latter (`onPageRequests`).
 * Calls resolve to a `Result` and never throw: a missing or restarting receiver is an error value like any other.
 */
import { browser } from 'wxt/browser';
import type { BackgroundRequests, BackgroundType, MessageError, PageRequests, PageType, Result } from './messages';
import { dispatch, parseEnvelope, type Handlers } from './dispatch';
import { fail, isResult, unexpectedError } from './result';
import { pageRequestSchemas } from './schemas';

/** Chrome's and Firefox's wording when nobody listens, the channel closed mid-call, or the fake browser has no listener. */
const NO_RECEIVER_RE =
  /Receiving end does not exist|Could not establish connection|message port closed|message channel closed|Message manager disconnected|No listeners available/i;

/** Wording when this content script belongs to an extension that was since updated, reloaded or removed. */
const CONTEXT_INVALIDATED_RE = /Extension context invalidated/i;

const RELOAD_PAGE = 'The annotator was updated or restarted. Reload this page to keep annotating.';
const BACKGROUND_UNREACHABLE = "The annotator's background could not be reached. Try again in a moment.";
const TAB_UNREACHABLE = 'This tab is not ready for annotations. Reload it and try again.';
const TRANSPORT_FAILED = 'The message could not be delivered. Try again in a moment.';
const PAGE_FAILED = 'Something went wrong on this page. Reload it and try again.';

/** Sends one envelope and turns every outcome into a `Result`; `unreachable` explains a missing receiver. */
async function send<T>(transport: () => Promise<unknown>, unreachable: string): Promise<Result<T>> {
  let answer: unknown;
  try {
    answer = await transport();
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (CONTEXT_INVALIDATED_RE.test(text)) return fail('no-receiver', RELOAD_PAGE);
    if (NO_RECEIVER_RE.test(text)) return fail('no-receiver', unreachable);
    return { ok: false, error: unexpectedError(err, TRANSPORT_FAILED) };
  }
  if (isResult(answer)) return answer as Result<T>;
  // Chrome resolves `undefined` when a receiver exists but none of its listeners answered.
  return answer === undefined
    ? fail('no-receiver', unreachable)
    : { ok: false, error: unexpectedError(answer, TRANSPORT_FAILED) };
}

/** Asks the background (which owns the database) to handle `type`; resolves to its `Result`. */
export function callBackground<K extends BackgroundType>(
  type: K,
  payload: BackgroundRequests[K]['request'],
): Promise<Result<BackgroundRequests[K]['response']>> {
  return send(() => browser.runtime.sendMessage({ type, payload }), BACKGROUND_UNREACHABLE);
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
  return send(() => browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 }), TAB_UNREACHABLE);
}

/** What the content script does for each page request; a handler may throw, the caller then gets 'internal'. */
export type PageHandlers = Handlers<PageRequests, void>;

/**
 * Registers the content script's answers to page requests from this extension (other messages are left for other
 * listeners). Payloads are validated before a handler runs. Returns a function that unregisters the listener.
 */
export function onPageRequests(handlers: PageHandlers): () => void {
  const listener = (message: unknown, sender: { id?: string }): Promise<Result<unknown>> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const envelope = parseEnvelope(pageRequestSchemas, message);
    if (envelope === null) return undefined;
    return dispatch(pageRequestSchemas, handlers, envelope, undefined, (err): MessageError => unexpectedError(err, PAGE_FAILED));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
