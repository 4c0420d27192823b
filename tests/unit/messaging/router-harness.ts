/** The background router as `entrypoints/background.ts` builds it, over a fresh database, for tests that send it requests. */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createBackgroundRouter,
  type BackgroundRouter,
  type SenderInfo,
} from '../../../lib/background/messaging/background-router';
import type { BackgroundRequests, BackgroundType, Result } from '../../../lib/extension/messaging/messages';
import { extensionTranslateBackend } from '../../../lib/background/translate/extension-backend';
import { createAnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb } from '../../../storage/db';
import { createKnownWordsRepo } from '../../../storage/known-words-repo';
import { createWordListRepo } from '../../../storage/word-list-repo';
import { createRepository } from '../../../storage/repository';
import type { AnnotationDb } from '../../../storage/db';
import type { BackgroundServices, FeedBackend } from '../../../lib/background/messaging/request-context';
import { ARTICLE_ID } from './fixtures';

/** The tab id the content-script sender is in. */
export const CONTENT_TAB = 7;

/** Our content script on the fixture article. */
export const contentScriptSender = (): SenderInfo => ({
  id: fakeBrowser.runtime.id,
  url: `https://www.163.com/dy/article/${ARTICLE_ID}.html`,
  tab: { id: CONTENT_TAB },
});

/** The feed handlers' backend over `db`, with `notifySettingsChanged` (a spy when given). */
export const feedBackend = (
  db: AnnotationDb,
  notifySettingsChanged: FeedBackend['notifySettingsChanged'] = async () => {},
): FeedBackend => ({ repository: createRepository(db, fakeBrowser.storage.local), notifySettingsChanged });

/** A fresh database, its repository, spies for change notices, and the router over them (no gloss dictionary). */
export function createTestRouter() {
  const db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  const repo = createAnnotationRepo(db);
  const notifyChanged = vi.fn(async (_articleId: string, _exceptTabId: number | undefined) => {});
  const unavailable = () => Promise.reject(new Error('no dictionary here'));
  const notifyKnownWordsChanged = vi.fn(async (_exceptTabId: number | undefined) => {});
  const gloss = {
    words: unavailable,
    knownWords: createKnownWordsRepo(db),
    wordList: createWordListRepo(db),
    notifyKnownWordsChanged,
  };
  const notifySettingsChanged = vi.fn(async (_exceptTabId: number | undefined) => {});
  const route = createBackgroundRouter({
    runContentScript: async () => {},
    sync: syncUnused,
    repo,
    notifyChanged,
    gloss,
    translation: extensionTranslateBackend(db, { dictionary: unavailable, words: unavailable }),
    feed: feedBackend(db, notifySettingsChanged),
  });
  return { db, repo, notifyChanged, notifyKnownWordsChanged, notifySettingsChanged, route };
}

/**
 * A typed `call(type, payload, sender?)` through the router `router()` gives (read at each call, as tests make a new
 * one for each test), sent as `defaultSender()` unless another sender is named.
 */
export function typedCall(router: () => BackgroundRouter, defaultSender: () => SenderInfo) {
  return <K extends BackgroundType>(
    type: K,
    payload: BackgroundRequests[K]['request'],
    sender: SenderInfo = defaultSender(),
  ): Promise<Result<BackgroundRequests[K]['response']>> =>
    router()({ type, payload }, sender) as Promise<Result<BackgroundRequests[K]['response']>>;
}

/** Sync for tests that do not use it: any call fails the test. */
export const syncUnused: BackgroundServices['sync'] = {
  status: () => Promise.reject(new Error('sync is not part of this test')),
  turnOn: () => Promise.reject(new Error('sync is not part of this test')),
  syncNow: () => Promise.reject(new Error('sync is not part of this test')),
  turnOff: () => Promise.reject(new Error('sync is not part of this test')),
  annotationHistory: () => Promise.reject(new Error('sync is not part of this test')),
};
