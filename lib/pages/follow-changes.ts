/**
 * How an extension page follows changes: the background tells every open page, once per committed write, which
 * kinds of record changed and in which articles (`changes/happened`); a page reads again what it shows when that
 * is affected. The one listener for it on every page.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ChangesHappened } from '../core/model/changes';
import { changesHappened } from '../extension/messaging/page-notices';
import { indexByName } from '../extension/messaging/declare';
import { parseEnvelope } from '../extension/messaging/dispatch';

const NOTICES = indexByName([changesHappened]);

/**
 * Calls `listener` with each change notice the background sends; returns a function that stops it. Only the
 * background's notices count: not a content script's (sent from a tab), nor anything that does not validate.
 */
export function followChanges(listener: (changes: ChangesHappened) => void): () => void {
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }): undefined => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    const envelope = parseEnvelope(NOTICES, message);
    if (envelope === null) return undefined;
    const parsed = v.safeParse(envelope.declaration.request, envelope.payload);
    if (parsed.success) void envelope.declaration.handle(parsed.output, listener);
    // No answer: the background only tells, and other pages' requests are the background's to answer.
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

/** Whether `changes` touched annotations or article records (of `articleId`, when given). */
export const touchesAnnotations = (changes: ChangesHappened, articleId?: string): boolean =>
  (changes.kinds.includes('annotation') || changes.kinds.includes('article')) &&
  (articleId === undefined || changes.articleIds.includes(articleId));
