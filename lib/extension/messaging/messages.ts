/**
 * The types of every message, derived from their declarations: `BackgroundRequests` are answered by the background
 * (declared under `lib/background/`), `PageRequests` by a tab's content script (declared by its features under
 * `lib/content/`). Only types cross here, so no context loads another's code.
 */
import type { ApiOf } from './declare';
import type { annotatorPageMessages } from '../../content/annotator/annotator-page-messages';
import type { glossPageMessages } from '../../content/gloss/gloss-page-messages';

export type { BackgroundRequests } from '../../background/messages';
export type { ExportScopeRequest } from '../../background/exchange/exchange-messages';
export type { AnchorStatus, PageState } from '../../core/model/page-state';
export type { MessageError, Result } from '../../core/model/result';

/** The name of a message the background answers. */
export type BackgroundType = keyof import('../../background/messages').BackgroundRequests;

/** The request and response of each message a tab's content script answers, by name. */
export type PageRequests = ApiOf<typeof annotatorPageMessages> & ApiOf<typeof glossPageMessages>;

/** The name of a message a tab's content script answers. */
export type PageType = keyof PageRequests;
