/**
 * The background's single entry point for requests: checks who is asking, validates what they ask, runs it against
 * the annotation store, and answers with a `Result`. It never throws to the messaging layer.
 */
import { browser } from 'wxt/browser';
import type { AnnotationRepo } from '../../storage/annotation-repo';
import { StorageError } from '../../storage/errors';
import type { Annotation } from '../model/annotation';
import type { BackgroundRequests, Result } from '../model/messages';
import { dispatch, parseEnvelope, type Handlers } from './dispatch';
import { isNeteaseUrl } from '../netease/article-id';
import { fail, unexpectedError } from './result';
import { backgroundRequestSchemas } from './schemas';

/** The parts of `runtime.MessageSender` the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** What the router works with, injected so tests can use a fresh database and watch notifications. */
export interface BackgroundRouterDeps {
  repo: AnnotationRepo;
  /**
   * Tells other views that an article's annotations changed, after a successful write. `exceptTabId` is the tab
   * that made the change (it already knows); undefined when the change came from an extension page.
   */
  notifyChanged(articleId: string, exceptTabId: number | undefined): Promise<void>;
}

/** Answers one incoming message with a `Result`; never rejects. */
export type BackgroundRouter = (message: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

const FORBIDDEN =
  'This request was refused because it did not come from a NetEase page or from the annotator itself.';
const NOT_A_REQUEST = 'This request was refused: it is not a request the annotator understands.';
const INTERNAL = 'Something went wrong while handling your annotations. Please try again.';

/**
 * Whether the sender is this extension: one of our own pages (popup, options; also when opened in a tab), or our
 * content script in a tab showing a 163.com page. Other extensions and other pages are refused.
 */
function isAllowedSender(sender: SenderInfo | undefined): boolean {
  if (sender?.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  if (sender.url.startsWith(browser.runtime.getURL('/'))) return true;
  return sender.tab !== undefined && isNeteaseUrl(sender.url);
}

/** Storage failures carry their own reader-facing message; anything else is a bug, logged and hidden. */
function describeFailure(err: unknown) {
  return err instanceof StorageError ? { code: err.code, message: err.message } : unexpectedError(err, INTERNAL);
}

/** Builds the router over `deps`; wire it to `browser.runtime.onMessage` and return its promise. */
export function createBackgroundRouter(deps: BackgroundRouterDeps): BackgroundRouter {
  const { repo } = deps;

  /** Passes a written annotation through, telling other tabs about it without delaying the answer. */
  const changed = (annotation: Annotation, tabId: number | undefined): Annotation => {
    deps.notifyChanged(annotation.articleId, tabId).catch((err: unknown) => console.error('[netease-annotator]', err));
    return annotation;
  };

  const handlers: Handlers<BackgroundRequests, { tabId: number | undefined }> = {
    'annotations/list': ({ articleId }) => repo.listForArticle(articleId),
    'annotations/create': async ({ article, annotation }, { tabId }) => changed(await repo.create(article, annotation), tabId),
    'annotations/update': async ({ id, patch }, { tabId }) => changed(await repo.update(id, patch), tabId),
    'annotations/delete': async ({ id }, { tabId }) => changed(await repo.softDelete(id), tabId),
    'annotations/restore': async ({ id }, { tabId }) => changed(await repo.restore(id), tabId),
    'articles/get': ({ articleId }) => repo.getArticle(articleId),
  };

  return async (message, sender) => {
    try {
      if (!isAllowedSender(sender)) return fail('forbidden-sender', FORBIDDEN);
      const envelope = parseEnvelope(backgroundRequestSchemas, message);
      if (envelope === null) return fail('invalid-request', NOT_A_REQUEST);
      return await dispatch(backgroundRequestSchemas, handlers, envelope, { tabId: sender.tab?.id }, describeFailure);
    } catch (err) {
      return { ok: false, error: unexpectedError(err, INTERNAL) };
    }
  };
}
