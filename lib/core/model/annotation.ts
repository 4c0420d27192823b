/**
 * The stored shape of an annotation and of the article it belongs to.
 * Selectors follow the W3C Web Annotation model; offsets are UTF-16 code units into the article text
 * (see `lib/core/anchoring/text-index.ts`); exports convert them to code points.
 */

/** The five highlight colours, in toolbar order. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** Version of the selector format written by this build; older records stay readable. */
export const SELECTOR_VERSION = 1;

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Longest note a reader can keep, in characters. */
export const MAX_NOTE_LENGTH = 10_000;

/** Longest quote we store, in characters (a whole long article section). */
export const MAX_QUOTE_LENGTH = 20_000;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * Which selector a target imported from another tool came without: its stand-in here says nothing. `position`: only a
 * quote was given (the position is a placeholder, never used to choose between places). `quote`: only a position was
 * given (the quote is empty, and the position counts Unicode code points, as the W3C model does: it cannot be
 * converted to UTF-16 before the article's text is known). `selectors`: neither — a page note, a note on the whole
 * article (the quote is empty, the position 0 to 1 a placeholder); it is never anchored nor an orphan.
 */
export type MissingSelector = 'position' | 'quote' | 'selectors';

/** The kinds of `MissingSelector`, for validation. */
export const MISSING_SELECTORS: readonly MissingSelector[] = ['position', 'quote', 'selectors'];

/** Where in the article an annotation sits: alternatives for the same text, as in W3C `target.selector`. */
export interface AnnotationTarget {
  version: number;
  selector: [TextQuoteSelector, TextPositionSelector];
  /** Set only on targets imported with one of the two selectors. */
  missing?: MissingSelector;
  /**
   * Characters outside the BMP (surrogate pairs) in the article text before the position's start, counted when the
   * target was described, so the W3C export's code-point position is exact (absent on older records: the export then
   * counts those of the prefix only).
   */
  astralBefore?: number;
}

/** Longest translation stored on a highlight (English runs several times longer than the Chinese it translates). */
export const MAX_TRANSLATION_LENGTH = 4 * MAX_QUOTE_LENGTH;

/** Longest translation service name stored with a translation. */
export const MAX_TRANSLATION_PROVIDER_LENGTH = 100;

/** A machine translation attached to a highlight, named by the service that made it. */
export interface AnnotationTranslation {
  text: string;
  provider: string;
}

/** One highlight with its optional private note. */
export interface Annotation {
  id: string;
  /** The 16-character NetEase article ID: the same article on desktop and mobile shares it. */
  articleId: string;
  color: HighlightColor;
  note: string;
  tags: string[];
  target: AnnotationTarget;
  /** Saved from the translation popover (schema v2); absent on older records. */
  translation?: AnnotationTranslation | null;
  createdAt: number;
  updatedAt: number;
  /** Set when the reader deletes it; restored by undo, purged later. */
  deletedAt: number | null;
}

/** What an article page says about itself, stored once per article. */
export interface ArticleMeta {
  id: string;
  title: string;
  source: string;
  /** ISO 8601 with offset, or '' when the page does not say. */
  publishedAt: string;
  /** Canonical desktop URL. */
  url: string;
}

export interface ArticleRecord extends ArticleMeta {
  updatedAt: number;
}

/** The fields a reader can change on an existing annotation. */
export type AnnotationPatch = Partial<Pick<Annotation, 'color' | 'note' | 'tags' | 'translation'>>;

/** What the content script sends to create an annotation; the background adds id and times. */
export interface NewAnnotation {
  color: HighlightColor;
  note: string;
  tags: string[];
  target: AnnotationTarget;
  /** A translation saved from the translation popover with the new highlight. */
  translation?: AnnotationTranslation;
}

/** The quote selector of an annotation. */
export const quoteOf = (a: Pick<Annotation, 'target'>): TextQuoteSelector => a.target.selector[0];

/** The position selector of an annotation. */
export const positionOf = (a: Pick<Annotation, 'target'>): TextPositionSelector => a.target.selector[1];

/** Whether an annotation is a page note: a note on the whole article, with no place in its text. */
export const isPageNote = (a: Pick<Annotation, 'target'>): boolean => a.target.missing === 'selectors';
