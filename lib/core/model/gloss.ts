/**
 * The interlinear gloss as data: what the background sends for a passage, the reader's gloss settings, and the size
 * limits of gloss messages.
 */

/** A dictionary word in a passage: its span in the passage and what the lines above and below it show. */
export interface GlossToken {
  /** Span `[start, end)` in the passage (UTF-16 units); it includes stray pinyin the page wrote after a character. */
  start: number;
  end: number;
  /** The word without stray pinyin: what "known" is recorded for. */
  word: string;
  /** Tone-marked pinyin. */
  pinyin: string;
  /** A few words of English. */
  gloss: string;
}

/** The gloss modes: word glosses (pinyin and English on each word), or the English translation of each paragraph. */
export const GLOSS_MODES = ['words', 'paragraphs'] as const;
/** What the gloss switch shows: word glosses, or paragraph translations (when a sentence translator is set up). */
export type GlossMode = (typeof GLOSS_MODES)[number];

/** The reader's gloss choices, kept in extension storage. */
export interface GlossSettings {
  /** Whether the article is glossed. */
  on: boolean;
  /** Show the pinyin line above words. */
  pinyin: boolean;
  /** Show the English line below words. */
  english: boolean;
  /** Word glosses, or the English translation under each paragraph. */
  mode: GlossMode;
}

/** A change to some of the settings. */
export type GlossSettingsPatch = Partial<GlossSettings>;

/**
 * The gloss of a page as the popup shows it; `error` says why the gloss is off when turning it on failed, `fallback`
 * why the page shows word glosses although paragraph mode is chosen (no sentence translator, or it failed), so the
 * popup can say what the page said.
 */
export interface GlossState {
  settings: GlossSettings;
  error: string | null;
  fallback: string | null;
}

/** Most passages in one `gloss/text` request (the seed article has about 170 text nodes). */
export const MAX_GLOSS_TEXTS = 2_000;

/** Most characters in one `gloss/text` request, all passages together (the seed article has about 16,500). */
export const MAX_GLOSS_CHARS = 100_000;

/** Longest word that can be marked known (CC-CEDICT's longest headwords are idioms of a dozen characters). */
export const MAX_KNOWN_WORD_LENGTH = 32;

/** Most words marked or unmarked known in one request. */
export const MAX_KNOWN_WORDS_PER_REQUEST = 1_000;

/** A word the reader knows: the gloss leaves it bare. Exported with the backup. */
export interface KnownWord {
  word: string;
  addedAt: number;
}

/** Gloss off; word glosses with both lines once it is on. */
export const DEFAULT_GLOSS_SETTINGS: Readonly<GlossSettings> = { on: false, pinyin: true, english: true, mode: 'words' };
