/**
 * The background's single entry point for requests: checks who is asking, validates what they ask, runs it against
 * the annotation store, and answers with a `Result`. It never throws to the messaging layer.
 */
import { browser } from 'wxt/browser';
import type { AnnotationRepo } from '../../storage/annotation-repo';
import { StorageError } from '../../storage/errors';
import type { Annotation } from '../model/annotation';
import type { BackgroundRequests, BackgroundType, MessageError, Result } from '../model/messages';
import { exportFile, type ExportScope } from '../../storage/export/export-file';
import { parseImport } from '../../storage/import/parse-import';
import { dispatch, parseEnvelope, type Handlers } from './dispatch';
import { isNeteaseUrl } from '../netease/article-id';
import { fail, unexpectedError } from './result';
import { createGlossHandlers, type GlossBackend } from './gloss-handlers';
import { createTranslateHandlers, TRANSLATE_PAGE_ONLY, type TranslateBackend } from './translate-handlers';
import { TranslationFailure } from '../translate/errors';
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
  /** The dictionary's word index and the known words (and who to tell when they change), for the gloss messages. */
  gloss: GlossBackend;
  /** The translation service and a way to open the options page, for the translation messages. */
  translation: TranslateBackend;
}

/** Answers one incoming message with a `Result`; never rejects. */
export type BackgroundRouter = (message: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

const FORBIDDEN =
  'This request was refused because it did not come from a NetEase page or from the annotator itself.';
const NOT_A_REQUEST = 'This request was refused: it is not a request the annotator understands.';
const INTERNAL = 'Something went wrong while handling your annotations. Please try again.';
const PAGES_ONLY = "This request was refused: only the annotator's own pages may make it.";

/** Requests only the extension's own pages make: a content script (which a hostile page can talk to) never needs them. */
const EXTENSION_PAGE_ONLY = new Set<BackgroundType>([
  'annotations/delete-many',
  'annotations/restore-many',
  'annotations/export',
  'annotations/import',
  ...TRANSLATE_PAGE_ONLY,
]);

/**
 * Whether the sender is this extension: one of our own pages (popup, options; also when opened in a tab), or our
 * content script in a tab showing a 163.com page. Other extensions and other pages are refused.
 */
function isAllowedSender(sender: SenderInfo | undefined): boolean {
  if (sender?.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  return isExtensionPage(sender) || (sender.tab !== undefined && isNeteaseUrl(sender.url));
}

/** Whether the sender is one of our own pages (popup, library), as opposed to a content script. */
const isExtensionPage = (sender: SenderInfo): boolean =>
  typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));

/** The export scope of a request: a selection's id list becomes the set `exportFile` takes. */
const exportScope = (scope: BackgroundRequests['annotations/export']['request']['scope']): ExportScope =>
  scope.kind === 'selection' ? { kind: 'selection', ids: new Set(scope.ids) } : scope;

/** An import file that cannot be imported at all; its message says why, for the reader. */
class InvalidFileError extends Error {}

/** Storage and file failures carry their own reader-facing message; anything else is a bug, logged and hidden. */
function describeFailure(err: unknown): MessageError {
  if (err instanceof StorageError) return { code: err.code, message: err.message };
  if (err instanceof InvalidFileError) return { code: 'invalid-file', message: err.message };
  if (err instanceof TranslationFailure) return { code: err.errorCode, message: err.message };
  return unexpectedError(err, INTERNAL);
}

/** Builds the router over `deps`; wire it to `browser.runtime.onMessage` and return its promise. */
export function createBackgroundRouter(deps: BackgroundRouterDeps): BackgroundRouter {
  const { repo } = deps;

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

  const handlers: Handlers<BackgroundRequests, { tabId: number | undefined }> = {
    'annotations/list': ({ articleId }) => repo.listForArticle(articleId),
    'annotations/create': async ({ article, annotation }, { tabId }) => changed(await repo.create(article, annotation), tabId),
    'annotations/update': async ({ id, patch }, { tabId }) => changed(await repo.update(id, patch), tabId),
    'annotations/delete': async ({ id }, { tabId }) => changed(await repo.softDelete(id), tabId),
    'annotations/restore': async ({ id }, { tabId }) => changed(await repo.restore(id), tabId),
    'articles/get': ({ articleId }) => repo.getArticle(articleId),
    'annotations/delete-many': async ({ ids }, { tabId }) => changedMany(await repo.softDeleteMany(ids), tabId),
    'annotations/restore-many': async ({ ids }, { tabId }) => changedMany(await repo.restoreMany(ids), tabId),
    'annotations/reattach': async ({ id, target }, { tabId }) => changed(await repo.reattach(id, target), tabId),
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
  };

  return async (message, sender) => {
    try {
      if (!isAllowedSender(sender)) return fail('forbidden-sender', FORBIDDEN);
      const envelope = parseEnvelope(backgroundRequestSchemas, message);
      if (envelope === null) return fail('invalid-request', NOT_A_REQUEST);
      if (EXTENSION_PAGE_ONLY.has(envelope.type) && !isExtensionPage(sender)) return fail('forbidden-sender', PAGES_ONLY);
      return await dispatch(backgroundRequestSchemas, handlers, envelope, { tabId: sender.tab?.id }, describeFailure);
    } catch (err) {
      return { ok: false, error: unexpectedError(err, INTERNAL) };
    }
  };
}
