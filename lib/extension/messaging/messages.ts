/**
 * Every message between the content script, the popup and the background, typed in one place.
 * `BackgroundRequests` are answered by the background (which owns the database);
 * `PageRequests` are answered by the content script of a tab (asked by the popup or the background).
 */
import type { ExportedFile, ExportFormat, ImportReport } from '../../core/model/exchange';
import type {
  Annotation,
  AnnotationPatch,
  AnnotationTarget,
  ArticleMeta,
  ArticleRecord,
  NewAnnotation,
} from '../../core/model/annotation';
import type { GlossSettingsPatch, GlossState, GlossToken } from '../../core/model/gloss';
import type { TranslateErrorCode } from '../../core/translate/errors';
import type { SourceLanguage } from '../../core/translate/languages';
import type { SelectionWord } from '../../core/translate/selection-words';
import type { TranslationSettings } from '../../core/translate/settings';
import type { Translated, TranslationPlan } from '../../background/translate/translate-service';
import type { SyncStatus } from '../../core/sync/status';

/** Which annotations an export covers, as sent over the wire (a selection is a list of ids). */
export type ExportScopeRequest = { kind: 'all' } | { kind: 'article'; articleId: string } | { kind: 'selection'; ids: string[] };

export interface BackgroundRequests {
  /**
   * Sent by the content script at document start, before any page script runs: the background reads the page's
   * article from the tab's address then, and keeps it for the page load (see `lib/background/messaging/sender-scope.ts`).
   */
  'annotator/started': { request: Record<string, never>; response: null };
  'annotations/list': { request: { articleId: string }; response: Annotation[] };
  /** One live annotation, for the note and tag editor frame. Extension pages only. */
  'annotations/get': { request: { id: string }; response: Annotation };
  'annotations/create': { request: { article: ArticleMeta; annotation: NewAnnotation }; response: Annotation };
  'annotations/update': { request: { id: string; patch: AnnotationPatch }; response: Annotation };
  'annotations/delete': { request: { id: string }; response: Annotation };
  'annotations/restore': { request: { id: string }; response: Annotation };
  'articles/get': { request: { articleId: string }; response: ArticleRecord | null };
  /** Soft-deletes several annotations at once (library bulk delete); answers those that exist. */
  'annotations/delete-many': { request: { ids: string[] }; response: Annotation[] };
  /** Undoes a bulk delete; answers those that exist. */
  'annotations/restore-many': { request: { ids: string[] }; response: Annotation[] };
  /** Moves an orphan onto text the reader selected again on its article page. */
  'annotations/reattach': { request: { id: string; target: AnnotationTarget }; response: Annotation };
  /** A file of the annotations `scope` covers, in `format`, named for saving. Extension pages only. */
  'annotations/export': { request: { format: ExportFormat; scope: ExportScopeRequest }; response: ExportedFile };
  /** Validates and merges an import file (native JSON or W3C JSON-LD) in one transaction. Extension pages only. */
  'annotations/import': { request: { text: string }; response: ImportReport };
  /** Every tag on stored annotations, in code-unit order, for autocomplete in the tag editor. Extension pages only. */
  'tags/list': { request: Record<string, never>; response: string[] };
  // ---- interlinear gloss (lib/content/gloss) ----
  /** The dictionary words of each passage (`MAX_GLOSS_TEXTS`, `MAX_GLOSS_CHARS`), glossed; other text is left out. */
  'gloss/text': { request: { texts: string[] }; response: GlossToken[][] };
  /** Every word the reader marked known, oldest first. */
  'known-words/list': { request: Record<string, never>; response: string[] };
  /** Marks words known (or no longer known); answers every known word afterwards. */
  'known-words/set': { request: { words: string[]; known: boolean }; response: string[] };
  // ---- translation (lib/core/translate) ----
  /** Which kind of service would translate `sample` (off, on-device, remote: its name, never its key), and its script. */
  'translate/plan': { request: { sample: string }; response: TranslationPlan };
  /** The dictionary words of a selection with all their readings and senses, for the translation popover. */
  'translate/words': { request: { text: string }; response: SelectionWord[] };
  /** Translates `texts` with the reader's remote service (cached); fails with a `translate-…` code. */
  'translate/text': { request: { texts: string[]; source: SourceLanguage }; response: Translated };
  /** Opens the options page (content scripts cannot). */
  'translate/open-options': { request: Record<string, never>; response: void };
  /** Translates a fixed sentence with the saved settings, past the cache. Extension pages only. */
  'translate/test': { request: Record<string, never>; response: Translated };
  /** Forgets every cached translation; answers how many there were. Extension pages only. */
  'translate/clear-cache': { request: Record<string, never>; response: number };
  /** The translation set-up, keys included, for the options page. Extension pages only. */
  'translate/settings': { request: Record<string, never>; response: TranslationSettings };
  /** Saves the translation set-up (cleaned); answers what was saved. Extension pages only. */
  'translate/save-settings': { request: { settings: TranslationSettings }; response: TranslationSettings };
  // ---- sync ----
  /** Sync's status line (never a password or key). Extension pages only. */
  'sync/status': { request: Record<string, never>; response: SyncStatus };
  /**
   * Checks the server, the credentials and the passphrase (creating the database when asked) and turns sync on; on a
   * problem sync stays off and the status says what is wrong. Extension pages only, after host access was granted.
   */
  'sync/turn-on': { request: SyncTurnOn; response: SyncStatus };
  /** Runs a sync round now; answers the status after it. Extension pages only. */
  'sync/now': { request: Record<string, never>; response: SyncStatus };
  /** Turns sync off, forgetting the server, credentials and keys; local data stays. Extension pages only. */
  'sync/turn-off': { request: Record<string, never>; response: SyncStatus };
}

/** What the options page sends to turn sync on. */
export interface SyncTurnOn {
  url: string;
  database: string;
  username: string;
  password: string;
  passphrase: string;
  createDatabase: boolean;
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
  /** The reader's next selection on the page becomes annotation `id`'s new text; false when it is not on this page. */
  'page/reattach': { request: { id: string }; response: boolean };
  /** The background tells each tab showing an article that its annotations changed elsewhere (and nothing more). */
  'page/annotations-changed': { request: Record<string, never>; response: void };
  /** The background tells each tab that the reader's known words changed elsewhere. */
  'page/known-words-changed': { request: Record<string, never>; response: void };
  /** Changes the page's gloss settings (an empty patch only reads them); answers the state afterwards. */
  'page/gloss': { request: GlossSettingsPatch; response: GlossState };
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
  | 'invalid-file'
  | 'storage-quota'
  | 'storage-unavailable'
  | 'no-receiver'
  | 'internal'
  | TranslateErrorCode;

export interface MessageError {
  code: ErrorCode;
  message: string;
}
