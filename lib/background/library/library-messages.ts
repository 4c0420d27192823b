/** The reads the popup and the library make instead of opening the database themselves (extension pages only). */
import { strict } from '../../core/model/schemas';
import { PAGES_ONLY } from '../../extension/messaging/declare';
import { defineMessage } from '../messaging/request-context';

/** The library messages. */
export const libraryMessages = [
  /** Every stored article, most recently annotated first (the popup's "All" list). */
  defineMessage({
    name: 'articles/recent',
    from: PAGES_ONLY,
    request: strict({}),
    handle: (_, { services }) => services.feed.repository.pages.recentArticles(),
  }),
  /** How many live annotations each stored article has, as `[articleId, count]` pairs. */
  defineMessage({
    name: 'articles/counts',
    from: PAGES_ONLY,
    request: strict({}),
    handle: async (_, { services }) => [...(await services.feed.repository.pages.liveCounts())],
  }),
  /**
   * Every stored annotation (soft-deleted ones included) and article, and how many records were set aside: a
   * `LibraryRecords` as one JSON text (Chrome passes one long string between contexts far faster than the same
   * records as objects: about 0.1 s against 1 s for 10,000 annotations).
   */
  defineMessage({
    name: 'library/records',
    from: PAGES_ONLY,
    request: strict({}),
    handle: async (_, { services }) => JSON.stringify(await services.feed.repository.pages.libraryRecords()),
  }),
] as const;
