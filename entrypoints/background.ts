/**
 * The background owns the database: it answers every annotation request from content scripts and the popup,
 * tells other tabs about changes, relays the note and tag editor frame's port where the browser gives the frame no
 * tabs API (Firefox), and at start-up purges annotations deleted more than 30 days ago and moves translation keys
 * out of `storage.local`.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundRouter } from '../lib/background/messaging/background-router';
import { relayEditorPorts } from '../lib/background/messaging/editor-relay';
import { notifyAnnotationsChanged, notifyKnownWordsChanged } from '../lib/background/messaging/notify-tabs';
import { createAnnotationRepo } from '../storage/annotation-repo';
import { openAnnotationDb } from '../storage/db';
import { createKnownWordsRepo } from '../storage/known-words-repo';
import { loadDictionary, loadWordIndex } from '../lib/background/gloss/load-dictionary';
import { extensionTranslateBackend } from '../lib/background/translate/extension-backend';
import { runContentScript } from '../lib/background/chunks/run-content-script';

/** How long a deleted annotation stays restorable before it is removed for good. */
const PURGE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export default defineBackground(() => {
  const db = openAnnotationDb();
  const repo = createAnnotationRepo(db);
  const gloss = { words: loadWordIndex, knownWords: createKnownWordsRepo(db), notifyKnownWordsChanged };
  const translation = extensionTranslateBackend(db, { dictionary: loadDictionary, words: loadWordIndex });
  const route = createBackgroundRouter({
    repo,
    notifyChanged: notifyAnnotationsChanged,
    gloss,
    translation,
    runContentScript,
  });
  // Registered synchronously so a message that wakes the service worker is not missed; returning the promise
  // makes it the answer.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  relayEditorPorts();
  repo.purgeDeletedOlderThan(PURGE_AFTER_MS).catch((err: unknown) => console.error('[netease-annotator] purge failed', err));
  // Translation keys an earlier version kept in storage.local (which content scripts can read) move out at once.
  translation.settings
    .takeOverLegacy()
    .catch((err: unknown) => console.error('[netease-annotator] moving translation settings failed', err));
});
