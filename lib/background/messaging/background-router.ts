/**
 * The background's single entry point for requests: checks who is asking, validates what they ask, runs it against
 * the annotation store, and answers with a `Result`. It never throws to the messaging layer.
 */
import { browser } from 'wxt/browser';
import type { AnnotationRepo } from '../../../storage/annotation-repo';
import { notFoundError, StorageError } from '../../../storage/errors';
import type { Annotation } from '../../core/model/annotation';
import type { BackgroundRequests, BackgroundType, MessageError, Result } from '../../extension/messaging/messages';
import { exportFile, type ExportScope } from '../../core/formats/export/export-file';
import { parseImport } from '../../core/formats/import/parse-import';
import { dispatch, parseEnvelope, type Handlers } from '../../extension/messaging/dispatch';
import { isDesktopUrlOf } from '../../core/netease/article-id';
import { createSenderScopes, type SenderInfo, type SenderScope } from './sender-scope';
import { fail, unexpectedError } from '../../extension/messaging/result';
import { createGlossHandlers, type GlossBackend } from './gloss-handlers';
import { createTranslateHandlers, TRANSLATE_PAGE_ONLY, type TranslateBackend } from './translate-handlers';
import { createSyncHandlers, SYNC_PAGE_ONLY, type SyncBackend } from './sync-handlers';
import { TranslationFailure } from '../../core/translate/errors';
import { backgroundRequestSchemas } from '../../extension/messaging/schemas';

export type { SenderInfo } from './sender-scope';

/** What the router works with, injected so tests can use a fresh database and watch notifications. */
export interface BackgroundRouterDeps {
  repo: AnnotationRepo;
  /**
   * Tells the tabs showing an article that its annotations changed, after a successful write. `exceptTabId` is the
   * tab whose content script made the change (it already knows); undefined when an extension page made it.
   */
  notifyChanged(articleId: string, exceptTabId: number | undefined): Promise<void>;
  /** The dictionary's word index and the known words (and who to tell when they change), for the gloss messages. */
  gloss: GlossBackend;
  /** The translation service and a way to open the options page, for the translation messages. */
  translation: TranslateBackend;
  /** Sync through the reader's CouchDB, for the sync messages (absent until it is wired to the change feed). */
  sync?: SyncBackend;
}

/** What a handler knows of the request's sender: its scope, and the tab that need not be told of the change. */
interface RequestContext {
  scope: SenderScope;
  tabId: number | undefined;
}

/** Answers one incoming message with a `Result`; never rejects. */
export type BackgroundRouter = (message: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

const FORBIDDEN = 'This request was refused because it did not come from a NetEase page or from the annotator itself.';
const NOT_A_REQUEST = 'This request was refused: it is not a request the annotator understands.';
const INTERNAL = 'Something went wrong while handling your annotations. Please try again.';
const PAGES_ONLY = "This request was refused: only the annotator's own pages may make it.";
const OTHER_ARTICLE = 'This request was refused: a page may only read and change the annotations of its own article.';
const OTHER_ADDRESS = "This request was refused: an article's address must be its own NetEase address.";

/** Requests only the extension's own pages make: a content script (which a hostile page can talk to) never needs them. */
const EXTENSION_PAGE_ONLY = new Set<BackgroundType>([
  'annotations/delete-many',
  'annotations/restore-many',
  'annotations/export',
  'annotations/import',
  // The note editor frame reads the annotation it edits and the tags in use: the page never holds either.
  'annotations/get',
  'tags/list',
  ...TRANSLATE_PAGE_ONLY,
  ...SYNC_PAGE_ONLY,
]);

/** A content script asked about an article other than its tab's, or gave an article another address. */
class ScopeError extends Error {}

/** The export scope of a request: a selection's id list becomes the set `exportFile` takes. */
const exportScope = (scope: BackgroundRequests['annotations/export']['request']['scope']): ExportScope =>
  scope.kind === 'selection' ? { kind: 'selection', ids: new Set(scope.ids) } : scope;

/** An import file that cannot be imported at all; its message says why, for the reader. */
class InvalidFileError extends Error {}

/** Storage and file failures carry their own reader-facing message; anything else is a bug, logged and hidden. */
function describeFailure(err: unknown): MessageError {
  if (err instanceof StorageError) return { code: err.code, message: err.message };
  if (err instanceof InvalidFileError) return { code: 'invalid-file', message: err.message };
  if (err instanceof ScopeError) return { code: 'forbidden-sender', message: err.message };
  if (err instanceof TranslationFailure) return { code: err.errorCode, message: err.message };
  return unexpectedError(err, INTERNAL);
}

/** Builds the router over `deps`; wire it to `browser.runtime.onMessage` and return its promise. */
export function createBackgroundRouter(deps: BackgroundRouterDeps): BackgroundRouter {
  const { repo } = deps;
  const scopeOf = createSenderScopes(browser.runtime.id, browser.runtime.getURL('/'));

  /** A content script may only name its own tab's article (the first it names, on a page whose address has none). */
  const ownArticle = (scope: SenderScope, articleId: string): void => {
    if (scope.kind === 'content-script' && !scope.claim(articleId)) throw new ScopeError(OTHER_ARTICLE);
  };

  /** A content script may only touch annotations of its own article; others answer as if they did not exist. */
  const ownAnnotation = async (scope: SenderScope, id: string): Promise<void> => {
    if (scope.kind === 'extension-page') return;
    const found = await repo.get(id);
    if (!found || scope.articleId === null || found.articleId !== scope.articleId) throw notFoundError();
  };

  /** Passes a written annotation through, telling other tabs about it without delaying the answer. */
  const changed = (annotation: Annotation, tabId: number | undefined): Annotation => {
    deps.notifyChanged(annotation.articleId, tabId).catch((err: unknown) => console.error('[netease-annotator]', err));
    return annotation;
  };

  /** Passes written annotations through, telling other tabs once per article they belong to. */
  const changedMany = (annotations: Annotation[], tabId: number | undefined): Annotation[] => {
    for (const articleId of new Set(annotations.map((a) => a.articleId))) {
      deps.notifyChanged(articleId, tabId).catch((err: unknown) => console.error('[netease-annotator]', err));
    }
    return annotations;
  };

  const handlers: Handlers<BackgroundRequests, RequestContext> = {
    // The router has read the sender's article already: remembering it for the page load is all there is to do.
    'annotator/started': () => null,
    'annotations/list': ({ articleId }, { scope }) => {
      ownArticle(scope, articleId);
      return repo.listForArticle(articleId);
    },
    'annotations/get': async ({ id }) => {
      const found = await repo.get(id);
      if (!found || found.deletedAt !== null) throw notFoundError();
      return found;
    },
    'annotations/create': async ({ article, annotation }, { scope, tabId }) => {
      ownArticle(scope, article.id);
      if (!isDesktopUrlOf(article.url, article.id)) throw new ScopeError(OTHER_ADDRESS);
      return changed(await repo.create(article, annotation), tabId);
    },
    'annotations/update': async ({ id, patch }, { scope, tabId }) => {
      await ownAnnotation(scope, id);
      return changed(await repo.update(id, patch), tabId);
    },
    'annotations/delete': async ({ id }, { scope, tabId }) => {
      await ownAnnotation(scope, id);
      return changed(await repo.softDelete(id), tabId);
    },
    'annotations/restore': async ({ id }, { scope, tabId }) => {
      await ownAnnotation(scope, id);
      return changed(await repo.restore(id), tabId);
    },
    'articles/get': ({ articleId }, { scope }) => {
      ownArticle(scope, articleId);
      return repo.getArticle(articleId);
    },
    'annotations/delete-many': async ({ ids }, { tabId }) => changedMany(await repo.softDeleteMany(ids), tabId),
    'annotations/restore-many': async ({ ids }, { tabId }) => changedMany(await repo.restoreMany(ids), tabId),
    'annotations/reattach': async ({ id, target }, { scope, tabId }) => {
      await ownAnnotation(scope, id);
      return changed(await repo.reattach(id, target), tabId);
    },
    'annotations/export': async ({ format, scope }) => exportFile(format, await repo.readAll(), exportScope(scope)),
    'annotations/import': async ({ text }, { tabId }) => {
      const parsed = parseImport(text);
      if (!parsed.ok) throw new InvalidFileError(parsed.error);
      const report = await repo.importParsed(parsed.value);
      if (report.added + report.updated > 0) changedMany(parsed.value.annotations, tabId);
      if (report.knownWordsAdded > 0) {
        deps.gloss.notifyKnownWordsChanged(tabId).catch((err: unknown) => console.error('[netease-annotator]', err));
      }
      return report;
    },
    'tags/list': () => repo.listTags(),
    ...createGlossHandlers(deps.gloss),
    ...createTranslateHandlers(deps.translation),
    ...createSyncHandlers(deps.sync),
  };

  return async (message, sender) => {
    try {
      const scope = scopeOf(sender);
      if (scope === null) return fail('forbidden-sender', FORBIDDEN);
      const envelope = parseEnvelope(backgroundRequestSchemas, message);
      if (envelope === null) return fail('invalid-request', NOT_A_REQUEST);
      if (EXTENSION_PAGE_ONLY.has(envelope.type) && scope.kind !== 'extension-page') return fail('forbidden-sender', PAGES_ONLY);
      // A content script's tab already shows its own change; a change made in an extension page (the note editor
      // frame included) is news to every tab showing the article.
      const tabId = scope.kind === 'content-script' ? scope.tabId : undefined;
      return await dispatch(backgroundRequestSchemas, handlers, envelope, { scope, tabId }, describeFailure);
    } catch (err) {
      return { ok: false, error: unexpectedError(err, INTERNAL) };
    }
  };
}
