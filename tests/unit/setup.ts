import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { englishMessage } from './english-messages';

// The fake browser has no i18n: answer from the English catalogue, as an English browser would.
fakeBrowser.i18n.getMessage = englishMessage as typeof fakeBrowser.i18n.getMessage;
