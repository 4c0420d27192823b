/**
 * Every message the background answers, gathered from the features that declare them. The router routes by this
 * list and callers take their types from it (`BackgroundRequests`), so a message exists exactly once.
 */
import { indexByName, type ApiOf } from '../extension/messaging/declare';
import { anchoringMessages } from './anchoring/anchoring-messages';
import { annotationMessages } from './annotations/annotation-messages';
import { chunkMessages } from './chunks/chunk-messages';
import { libraryMessages } from './library/library-messages';
import { settingsMessages } from './settings/settings-messages';
import { syncMessages } from './sync/sync-messages';
import { exchangeMessages } from './exchange/exchange-messages';
import { glossMessages } from './gloss/gloss-messages';
import { wordListMessages } from './gloss/word-list-messages';
import { translateMessages } from './translate/translate-messages';

/** The background's messages, feature by feature. */
export const BACKGROUND_MESSAGES = [
  ...annotationMessages,
  ...exchangeMessages,
  ...glossMessages,
  ...wordListMessages,
  ...translateMessages,
  ...settingsMessages,
  ...libraryMessages,
  ...syncMessages,
  ...chunkMessages,
  ...anchoringMessages,
] as const;

/** The background's messages by name (a name declared twice fails here, at start-up and in every test). */
export const BACKGROUND_MESSAGES_BY_NAME = indexByName(BACKGROUND_MESSAGES);

/** The request and response of each background message, by name. */
export type BackgroundRequests = ApiOf<typeof BACKGROUND_MESSAGES>;
