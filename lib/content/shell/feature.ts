/**
 * What the content script's features (annotator, gloss, translation popover, and later ones) are to the shell that
 * runs them: each registers itself, gets what it needs from the shell (the one article, a signal that ends it, the
 * background, the UI), offers the others only what `SharedSlots` names, and fails alone.
 */
import type { CallBackground, PageAnswers } from '../../extension/messaging/client';
import type { FoundArticle } from '../../core/netease/find-article';
import type { AnnotationTranslation, Annotation } from '../../core/model/annotation';
import type { Result } from '../../core/model/result';
import type { PublicSettings } from '../../core/model/settings';
import type { ArticleSelection } from './article-selection';
import type { UiHost } from './ui-host';

/** What the annotator offers the other features: the article as it tracks it, and its toasts and highlights. */
export interface ArticleSlot {
  /** The article body now; found again if the page replaced it; null when there is none. */
  root(): Element | null;
  /** Our own feature changed the article's nodes or layout (the gloss wrapped words): re-anchor and reposition now. */
  changed(): void;
  /** Shows a failure to the reader, with a retry when given. */
  showError(message: string, retry: (() => void) | null): void;
  /** The reader's selection in the article; null when there is none. */
  selection(): ArticleSelection | null;
  /** Saves `translation` on the highlight of exactly `selection`, or on a new one there. */
  attachTranslation(selection: ArticleSelection, translation: AnnotationTranslation): Promise<Result<Annotation>>;
  /** Closes the annotator's own toolbar and popovers (another feature opened a popover). */
  dismiss(): void;
}

/** What the features offer each other through the shell; a slot is empty while its feature is not running. */
export interface SharedSlots {
  article?: ArticleSlot;
}

/** What the shell gives a feature when it starts. */
export interface FeatureEnv {
  doc: Document;
  /** The article, found once for every feature. */
  article: FoundArticle;
  /** Finds the article again after the page replaced its body element. */
  relocate(): FoundArticle | null;
  /** Aborted when the feature is torn down: every listener it adds goes with it. */
  signal: AbortSignal;
  call: CallBackground;
  /** The public settings as the page started (the last colour, the gloss), read once for every feature. */
  settings: Promise<Result<PublicSettings>>;
  /** The page's selection when the reader made it (never one a page script set); null otherwise. */
  readerSelection(): Range | null;
  ui: UiHost;
  slots: SharedSlots;
}

/** A running feature: the page requests it answers, and what to undo beyond its signal's listeners. */
export interface RunningFeature {
  pageAnswers?: PageAnswers;
  destroy?(): void;
}

/** A content-script feature. */
export interface ContentFeature {
  /** For logs: which feature failed. */
  name: string;
  start(env: FeatureEnv): Promise<RunningFeature> | RunningFeature;
}
