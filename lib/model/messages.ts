/**
 * Every message between the content script, the popup and the background, typed in one place.
 * `BackgroundRequests` are answered by the background (which owns the database);
 * `PageRequests` are answered by the content script of a tab (asked by the popup or the background).
 */
import type { Annotation, AnnotationPatch, ArticleMeta, ArticleRecord, NewAnnotation } from './annotation';

export interface BackgroundRequests {
  'annotations/list': { request: { articleId: string }; response: Annotation[] };
  'annotations/create': { request: { article: ArticleMeta; annotation: NewAnnotation }; response: Annotation };
  'annotations/update': { request: { id: string; patch: AnnotationPatch }; response: Annotation };
  'annotations/delete': { request: { id: string }; response: Annotation };
  'annotations/restore': { request: { id: string }; response: Annotation };
  'articles/get': { request: { articleId: string }; response: ArticleRecord | null };
}

/** Whether an annotation was found on the page as it is now. */
export type AnchorStatus = 'anchored' | 'orphan';

export interface PageState {
  article: ArticleMeta;
  anchors: { id: string; status: AnchorStatus }[];
}

export interface PageRequests {
  'page/state': { request: Record<string, never>; response: PageState | null };
  'page/scroll-to': { request: { id: string }; response: boolean };
  /** The background tells each tab that an article's annotations changed elsewhere. */
  'page/annotations-changed': { request: { articleId: string }; response: void };
}

export type BackgroundType = keyof BackgroundRequests;
export type PageType = keyof PageRequests;

/** Envelope on the wire. */
export interface Envelope<T extends string, R> {
  type: T;
  payload: R;
}

/** Every answer is a result: errors travel as data with a code the UI can explain. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

export type ErrorCode =
  | 'invalid-request'
  | 'forbidden-sender'
  | 'not-found'
  | 'storage-quota'
  | 'storage-unavailable'
  | 'no-receiver'
  | 'internal';

export interface MessageError {
  code: ErrorCode;
  message: string;
}
