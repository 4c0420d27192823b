import 'fake-indexeddb/auto';
// Anchoring folds scripts with the bundled pairs, as the bench does (the content script asks the background for them).
import '../../lib/core/anchoring/with-fold-pairs';
import { fakeBrowser } from 'wxt/testing';
import { englishMessage } from './english-messages';

// The fake browser has no i18n: answer from the English catalogue, as an English browser would.
fakeBrowser.i18n.getMessage = englishMessage as typeof fakeBrowser.i18n.getMessage;
