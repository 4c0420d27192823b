/**
 * The annotation messages: list, read, create, edit, delete and restore annotations and read their articles. A content
 * script may touch only its own tab's article (its scope); the extension's pages may touch any.
 */
import * as v from 'valibot';
import { notFoundError } from '../../../storage/errors';
import {
  annotationIdSchema,
  annotationIdsSchema,
  articleIdSchema,
  articleMetaSchema,
  colorSchema,
  noteSchema,
  strict,
  tagsSchema,
  targetSchema,
  translationSchema,
} from '../../core/model/schemas';
import { isDesktopUrlOf } from '../../core/netease/article-id';
import { ANY_SENDER, PAGES_ONLY } from '../../extension/messaging/declare';
import { t } from '../../extension/i18n';
import { defineMessage, type RequestContext } from '../messaging/request-context';
import { announce } from './announce';
import { ScopeError } from '../messaging/scope-error';
import { ownArticle } from '../messaging/own-article';

/** A content script may only touch annotations of its own article; others answer as if they did not exist. */
async function ownAnnotation({ scope, services }: RequestContext, id: string): Promise<void> {
  if (scope.kind === 'extension-page') return;
  const found = await services.repo.get(id);
  if (!found || scope.articleId === null || found.articleId !== scope.articleId) throw notFoundError();
}

const idRequest = strict({ id: annotationIdSchema });
const idsRequest = strict({ ids: annotationIdsSchema });

/** Every annotation message, in the order a reader meets them. */
export const annotationMessages = [
  /**
   * Sent by the content script at document start, before any page script runs: the router reads the page's article
   * from the tab's address then, and keeps it for the page load (see `sender-scope.ts`); nothing else to do.
   */
  defineMessage({ name: 'annotator/started', from: ANY_SENDER, request: strict({}), handle: () => null }),
  /** The article's live annotations in reading order. */
  defineMessage({
    name: 'annotations/list',
    from: ANY_SENDER,
    request: strict({ articleId: articleIdSchema }),
    handle: ({ articleId }, { scope, services }) => {
      ownArticle(scope, articleId);
      return services.repo.listForArticle(articleId);
    },
  }),
  /** One live annotation, for the note and tag editor frame (the page never holds it). */
  defineMessage({
    name: 'annotations/get',
    from: PAGES_ONLY,
    request: idRequest,
    handle: async ({ id }, { services }) => {
      const found = await services.repo.get(id);
      if (!found || found.deletedAt !== null) throw notFoundError();
      return found;
    },
  }),
  /** A new highlight on the sender's article, which must be given its own NetEase address. */
  defineMessage({
    name: 'annotations/create',
    from: ANY_SENDER,
    request: strict({
      article: articleMetaSchema,
      annotation: strict({
        color: colorSchema,
        note: noteSchema,
        tags: tagsSchema,
        target: targetSchema,
        translation: v.optional(translationSchema),
      }),
    }),
    handle: async ({ article, annotation }, context) => {
      ownArticle(context.scope, article.id);
      if (!isDesktopUrlOf(article.url, article.id)) throw new ScopeError(t('errorOtherAddress'));
      return announce(await context.services.repo.create(article, annotation), context);
    },
  }),
  /** Changes colour, note, tags or translation. */
  defineMessage({
    name: 'annotations/update',
    from: ANY_SENDER,
    request: strict({
      id: annotationIdSchema,
      patch: strict({
        color: v.optional(colorSchema),
        note: v.optional(noteSchema),
        tags: v.optional(tagsSchema),
        translation: v.optional(v.nullable(translationSchema)),
      }),
    }),
    handle: async ({ id, patch }, context) => {
      await ownAnnotation(context, id);
      return announce(await context.services.repo.update(id, patch), context);
    },
  }),
  /** Soft-deletes (restorable until the purge). */
  defineMessage({
    name: 'annotations/delete',
    from: ANY_SENDER,
    request: idRequest,
    handle: async ({ id }, context) => {
      await ownAnnotation(context, id);
      return announce(await context.services.repo.softDelete(id), context);
    },
  }),
  /** Undoes a delete. */
  defineMessage({
    name: 'annotations/restore',
    from: ANY_SENDER,
    request: idRequest,
    handle: async ({ id }, context) => {
      await ownAnnotation(context, id);
      return announce(await context.services.repo.restore(id), context);
    },
  }),
  /** The stored article record, or null when nothing was ever annotated on it. */
  defineMessage({
    name: 'articles/get',
    from: ANY_SENDER,
    request: strict({ articleId: articleIdSchema }),
    handle: ({ articleId }, { scope, services }) => {
      ownArticle(scope, articleId);
      return services.repo.getArticle(articleId);
    },
  }),
  /** Soft-deletes several annotations at once (library bulk delete); answers those that exist. */
  defineMessage({
    name: 'annotations/delete-many',
    from: PAGES_ONLY,
    request: idsRequest,
    handle: async ({ ids }, context) => announce(await context.services.repo.softDeleteMany(ids), context),
  }),
  /** Undoes a bulk delete; answers those that exist. */
  defineMessage({
    name: 'annotations/restore-many',
    from: PAGES_ONLY,
    request: idsRequest,
    handle: async ({ ids }, context) => announce(await context.services.repo.restoreMany(ids), context),
  }),
  /** Moves an orphan onto text the reader selected again on its article page. */
  defineMessage({
    name: 'annotations/reattach',
    from: ANY_SENDER,
    request: strict({ id: annotationIdSchema, target: targetSchema }),
    handle: async ({ id, target }, context) => {
      await ownAnnotation(context, id);
      return announce(await context.services.repo.reattach(id, target), context);
    },
  }),
  /** Every tag on stored annotations, in code-unit order, for autocomplete in the tag editor frame. */
  defineMessage({
    name: 'tags/list',
    from: PAGES_ONLY,
    request: strict({}),
    handle: (_, { services }) => services.repo.listTags(),
  }),
] as const;
