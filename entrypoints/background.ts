/**
 * The background owns the database: it answers every request from content scripts and the extension's pages, tells
 * open tabs and pages about changes (pages follow the change feed), relays the note and tag editor frame's port where
 * the browser gives the frame no tabs API (Firefox), runs the content script's chunks when it asks, and at start-up
 * purges annotations deleted more than 30 days ago and moves settings out of `storage.local`.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundRouter } from '../lib/background/messaging/background-router';
import { relayEditorPorts } from '../lib/background/messaging/editor-relay';
import {
  notifyAnnotationsChanged,
  notifyKnownWordsChanged,
  notifySettingsChanged,
  notifyTabsOfRemoteWrite,
} from '../lib/background/messaging/notify-tabs';
import { notifyExtensionPages } from '../lib/background/messaging/notify-pages';
import { gatherWrites } from '../lib/background/messaging/gather-writes';
import { openAnnotationDb } from '../storage/db';
import { createRepository } from '../storage/repository';
import { loadDictionary, loadWordIndex } from '../lib/background/gloss/load-dictionary';
import { extensionTranslateBackend } from '../lib/background/translate/extension-backend';
import { runContentScript } from '../lib/background/chunks/run-content-script';
import { startExtensionSync } from '../lib/background/sync/extension-sync';
import { GLOSS_SETTING, LAST_COLOR_SETTING } from '../lib/core/model/settings';

/** How long a deleted annotation stays restorable before it is removed for good. */
const PURGE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export default defineBackground(() => {
  const db = openAnnotationDb();
  const repository = createRepository(db, browser.storage.local);
  const repo = repository.annotations;
  const gloss = {
    words: loadWordIndex,
    knownWords: repository.knownWords,
    wordList: repository.wordList,
    notifyKnownWordsChanged,
  };
  const translation = extensionTranslateBackend(
    db,
    { dictionary: loadDictionary, words: loadWordIndex },
    repository.translationSettings,
  );
  const feed = { repository, notifySettingsChanged };
  // Sync replicates the change feed; created at once so its alarm and port listeners are there when the worker wakes.
  const sync = startExtensionSync(repository);
  const route = createBackgroundRouter({
    repo,
    notifyChanged: notifyAnnotationsChanged,
    gloss,
    translation,
    feed,
    sync,
    runContentScript,
  });
  // Registered synchronously so a message that wakes the service worker is not missed; returning the promise
  // makes it the answer.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  relayEditorPorts();
  // Sync's writes come a batch at a time: tabs and pages hear of them once per short window, the reader's own at once.
  const remoteWrites = gatherWrites((changes, articleIds) => {
    notifyExtensionPages(changes, articleIds);
    notifyTabsOfRemoteWrite(new Set(changes.map((c) => c.kind)), articleIds).catch((err: unknown) =>
      console.error('[netease-annotator]', err),
    );
  });
  repository.subscribe((changes, articleIds = [], origin) =>
    origin === 'remote' ? remoteWrites(changes, articleIds) : notifyExtensionPages(changes, articleIds),
  );
  // With sync on, the purge waits for a round that worked: an annotation edited elsewhere after its delete comes back
  // first, instead of being removed here (and, through sync, everywhere) unseen.
  sync
    .upToDate()
    .then((upToDate) => (upToDate ? repo.purgeDeletedOlderThan(PURGE_AFTER_MS) : 0))
    .catch((err: unknown) => console.error('[netease-annotator] purge failed', err));
  // Settings an earlier version kept in storage.local (which content scripts can read: translation keys among them)
  // move out at once.
  Promise.all([
    translation.settings.takeOverLegacy(),
    repository.settings.takeOverLegacy(LAST_COLOR_SETTING),
    repository.settings.takeOverLegacy(GLOSS_SETTING),
  ]).catch((err: unknown) => console.error('[netease-annotator] moving settings failed', err));
});
