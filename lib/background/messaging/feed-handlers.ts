/**
 * The background's answers to the change-feed and settings requests: the public settings (read and changed by
 * content scripts and pages; the other tabs are told), and the reads extension pages make instead of opening the
 * database themselves. The translation keys are not among the settings served here.
 */
import { GLOSS_SETTING, LAST_COLOR_SETTING, type PublicSettings } from '../../core/model/settings';
import type { BackgroundRequests } from '../../extension/messaging/messages';
import type { FeedType } from '../../extension/messaging/schemas';
import type { Handlers } from '../../extension/messaging/dispatch';
import type { Repository } from '../../../storage/repository';

/** What the feed handlers work with. */
export interface FeedBackend {
  repository: Pick<Repository, 'settings' | 'pages'>;
  /** Tells the other tabs that the settings changed; `exceptTabId` made the change. */
  notifySettingsChanged(exceptTabId: number | undefined): Promise<void>;
}

/** Requests only the extension's own pages make (a content script reads only its own article, and settings). */
export const FEED_PAGE_ONLY = ['articles/recent', 'articles/counts', 'library/records'] as const;

/** Handlers for the change-feed and settings messages, to merge into the background router's. */
export function createFeedHandlers(
  backend: FeedBackend,
): Pick<Handlers<BackgroundRequests, { tabId: number | undefined }>, FeedType> {
  const { settings, pages } = backend.repository;
  const readSettings = async (): Promise<PublicSettings> => ({
    lastColor: await settings.get(LAST_COLOR_SETTING),
    gloss: await settings.get(GLOSS_SETTING),
  });
  return {
    'settings/read': readSettings,
    'settings/write': async ({ lastColor, gloss }, { tabId }) => {
      const before = JSON.stringify(await readSettings());
      if (lastColor !== undefined) await settings.set(LAST_COLOR_SETTING, lastColor);
      if (gloss !== undefined) await settings.set(GLOSS_SETTING, gloss);
      const after = await readSettings();
      // Only a change is news to the other tabs.
      if (JSON.stringify(after) !== before) {
        backend.notifySettingsChanged(tabId).catch((err: unknown) => console.error('[netease-annotator]', err));
      }
      return after;
    },
    'articles/recent': () => pages.recentArticles(),
    'articles/counts': async () => [...(await pages.liveCounts())],
    'library/records': async () => JSON.stringify(await pages.libraryRecords()),
  };
}
