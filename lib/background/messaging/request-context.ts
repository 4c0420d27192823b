/**
 * What every background handler gets besides its validated request: who asked (their scope), which tab need not be
 * told of the change, and the services the background owns. `defineMessage` declares a background message with it.
 */
import type { AnnotationRepo } from '../../../storage/annotation-repo';
import type { KnownWordsRepo } from '../../../storage/known-words-repo';
import type { WordListRepo } from '../../../storage/word-list-repo';
import type { Repository } from '../../../storage/repository';
import type { TranslationSettingsStore } from '../../../storage/translation-settings-store';
import type { IntroducedTerms } from '../../core/gloss/introduced-terms';
import type { BoundedCache, WordIndex } from '../../core/gloss/word-index';
import type { ChunkFile } from '../../extension/chunks';
import type { MessageDeclaration } from '../../extension/messaging/declare';
import type { SyncService } from '../sync/sync-service';
import type { TranslateService } from '../translate/translate-service';
import type { SenderScope } from './sender-scope';

/**
 * The dictionary's word index, the known words (and who to tell when they change) and the word list, for the gloss
 * messages.
 */
export interface GlossBackend {
  /** The dictionary's word index, loaded on first use (`loadWordIndex` in the extension). */
  words: () => Promise<WordIndex>;
  knownWords: KnownWordsRepo;
  /** The reader's word list. */
  wordList: WordListRepo;
  /** Tells the other tabs that the known words changed; `exceptTabId` made the change. */
  notifyKnownWordsChanged(exceptTabId: number | undefined): Promise<void>;
}

/** The translation service, where its set-up is kept (keys included), and a way to open the options page. */
export interface TranslateBackend {
  service: TranslateService;
  settings: TranslationSettingsStore;
  /** Opens the extension's options page (`runtime.openOptionsPage` in the extension). */
  openOptions(): Promise<void>;
}

/** The repository's settings and library reads, and who to tell when the public settings change. */
export interface FeedBackend {
  repository: Pick<Repository, 'settings' | 'pages'>;
  /** Tells the other tabs that the settings changed; `exceptTabId` made the change. */
  notifySettingsChanged(exceptTabId: number | undefined): Promise<void>;
}

/** What the background's handlers work with, injected so tests can use a fresh database and watch notifications. */
export interface BackgroundServices {
  repo: AnnotationRepo;
  /**
   * Tells the tabs showing an article that its annotations changed, after a successful write. `exceptTabId` is the
   * tab whose content script made the change (it already knows); undefined when an extension page made it.
   */
  notifyChanged(articleId: string, exceptTabId: number | undefined): Promise<void>;
  gloss: GlossBackend;
  translation: TranslateBackend;
  feed: FeedBackend;
  /** Sync through the reader's CouchDB. */
  sync: Pick<SyncService, 'status' | 'turnOn' | 'syncNow' | 'turnOff' | 'annotationHistory'>;
  /** Runs the extension script `file` in frame `frameId` of tab `tabId`, in the content script's isolated world. */
  runContentScript(tabId: number, frameId: number, file: ChunkFile): Promise<void>;
}

/** What a handler knows besides its request. */
export interface RequestContext {
  scope: SenderScope;
  /** The content script's tab, which already shows its own change; undefined for an extension page's request. */
  tabId: number | undefined;
  services: BackgroundServices;
  /**
   * The terms each article introduced so far in each tab (`glossTermsKey`), so the gloss keeps a name whole across
   * requests, and a tab that moves on to another article starts with none.
   */
  glossTerms: BoundedCache<string, IntroducedTerms>;
}

/** Declares a message the background answers (see `lib/extension/messaging/declare.ts`). */
export const defineMessage = <N extends string, Req, Res>(
  declaration: MessageDeclaration<N, Req, Res, RequestContext>,
): MessageDeclaration<N, Req, Res, RequestContext> => declaration;
