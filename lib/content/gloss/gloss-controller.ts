/**
 * The gloss switch on an article page: `Alt+G`, the toolbar button and the popup turn the interlinear gloss on and
 * off; the choice and the pinyin/English switches persist in the background's settings store and follow changes made in
 * other tabs (`settingsChanged`).
 * Words the reader marks known (from the selection toolbar) are left bare. In paragraph mode the switch shows the
 * English translation under each paragraph instead (`lib/content/shell/translation/paragraphs.ts`), when a sentence translator is set
 * up; otherwise it shows word glosses and says why (on the page, and in its state for the popup). Each toggle is
 * measured from the key press to the frame after the change as `nea:gloss-on` / `nea:gloss-off`.
 *
 * The gloss wraps article words in elements (`gloss-layer.ts`), which gives the article new Text nodes with the same
 * text: after each change the annotator is told at once (`articleChanged`), so highlights move to the new nodes in
 * the same frame instead of after its mutation watcher settles (whose later re-anchoring then finds nothing to do).
 */
import { buildTextIndex } from '../../core/anchoring/text-index';
import type { CallBackground } from '../../extension/messaging/client';
import { watchArticle } from '../shell/watch-article';
import { isAltShortcut, isTextInput } from '../shell/shortcuts';
import { isReaderEvent } from '../shell/reader-input';
import { t } from '../../extension/i18n';
import type { GlossSettings, GlossSettingsPatch, GlossState } from '../../core/model/gloss';
import { isNonArticleElement } from '../../core/netease/non-article-content';
import { removeParagraphTranslations, translateParagraphs, type ParagraphDeps } from '../shell/translation/paragraphs';
import { chunkBySize } from './chunks';
import { GlossLayer, type WordInPassage } from './gloss-layer';
import { sentenceAround } from '../../core/gloss/sentence-around';
import { nearScreenFirst } from './gloss-order';
import { DEFAULT_GLOSS_SETTINGS } from '../../core/model/gloss';
import { loadGlossSettings, saveGlossSettings } from './gloss-settings';
import { GlossSource } from './gloss-source';
import { applyGlossStyles } from './gloss-styles';
import { keepReadingPosition } from './reading-position';

export interface GlossControllerDeps {
  doc: Document;
  /** The article's root element as the page has it now; null when there is none. */
  articleRoot: () => Element | null;
  call: CallBackground;
  /** Tells the annotator that the article's nodes or layout changed: re-anchor and reposition now. */
  articleChanged: () => void;
  /** Shows a failure to the reader, with a retry when given. */
  showError: (message: string, retry: (() => void) | null) => void;
  /** True when an event came from inside the annotator's own UI. */
  isOwnEvent: (event: Event) => boolean;
  /** The page's selection when the reader made it (never one a page script set); null otherwise. */
  readerSelection: () => Range | null;
  /** The article the page shows: its id and desktop address, the word list's link back. */
  article: { id: string; url: string };
  /** Draws the toolbar again (the word-list button's state changed). */
  repaint: () => void;
  /** Sentence translation for paragraph mode; without it, paragraph mode shows word glosses. */
  paragraphs?: ParagraphDeps;
}

/** What the toolbar's "known" button would do for the current selection: nothing when it holds no glossed word. */
export type KnownAction = 'mark' | 'unmark' | null;

/**
 * What the toolbar's word-list button offers for the current selection: to add its glossed words, that they are on
 * the list already (added from this page), or nothing when the selection holds no glossed word.
 */
export type WordListAction = 'add' | 'listed' | null;

/** Words glossed per frame after the first: about 50 ms of the browser's layout work on a desktop machine. */
const WORDS_PER_FRAME = 600;

/** Runs `task` just after the next frame is painted. */
function afterNextFrame(win: Window, task: () => void): void {
  win.requestAnimationFrame(() => win.setTimeout(task));
}

/** Starts the gloss switch on an article page; `start()` reads the stored settings and applies them. */
export function createGlossController(deps: GlossControllerDeps) {
  const { doc, call } = deps;
  const win = doc.defaultView!;
  const source = new GlossSource(call);
  let settings: GlossSettings = { ...DEFAULT_GLOSS_SETTINGS };
  let error: string | null = null;
  /** Why paragraph mode is showing word glosses instead, while it is. */
  let fallback: string | null = null;
  let known = new Set<string>();
  let layer: GlossLayer | null = null;
  /** Bumped on every on/off change, so a gloss still loading when the reader changed their mind is dropped. */
  let generation = 0;
  /** Bumped by every `set`, so stored settings read before the reader's own change do not undo it. */
  let changesMade = 0;
  let stopWatching = () => {};
  /** Bumped by every request for the known words, so only the newest answer is shown. */
  let knownAnswers = 0;

  const isKnown = (word: string) => known.has(word);

  /** The article's Text nodes not glossed yet. */
  const unglossedNodes = (root: Element): Text[] =>
    buildTextIndex(root, isNonArticleElement).nodes.filter((node) => !layer?.owns(node));

  /** The number of dictionary words in `node` (0 until its tokens are loaded). */
  const wordCount = (node: Text) => source.tokens(node.data)?.length ?? 0;

  /** Glosses the nodes that are still in the page and whose tokens are loaded; true when any changed. */
  const glossNodes = (nodes: readonly Text[]): boolean => {
    let changed = false;
    for (const node of nodes) {
      const tokens = source.tokens(node.data);
      if (layer && node.isConnected && tokens && tokens.length > 0 && layer.gloss(node, tokens)) changed = true;
    }
    return changed;
  };

  /**
   * Glosses `near` (the text on screen, tokens loaded) now, and `rest` in chunks over the next frames once its tokens
   * arrive (see `gloss-order.ts`). Measures the first frame as `nea:gloss-on` and the last as `nea:gloss-complete`,
   * both from `started`.
   */
  const glossArticle = (root: Element, near: readonly Text[], rest: readonly Text[], started: number) => {
    const current = generation;
    keepReadingPosition(root, () => glossNodes(near));
    deps.articleChanged();
    afterNextFrame(win, () => performance.measure('nea:gloss-on', { start: started }));
    const restLoaded = source.load(rest.map((node) => node.data));
    const next = (chunks: Text[][]) => {
      if (current !== generation) return;
      const chunk = chunks.shift();
      if (!chunk) return performance.measure('nea:gloss-complete', { start: started });
      if (glossNodes(chunk)) deps.articleChanged();
      afterNextFrame(win, () => next(chunks));
    };
    void restLoaded.then((failure) => {
      if (current !== generation) return;
      // What is glossed stays; the retry glosses what is still bare.
      if (failure) return deps.showError(t('glossFailed', failure.message), () => void glossAdditions(root));
      afterNextFrame(win, () => next(chunkBySize(rest, wordCount, WORDS_PER_FRAME)));
    });
  };

  /** Glosses article text the page added while the gloss is on (our own changes find nothing new). */
  const glossAdditions = async (root: Element) => {
    const current = generation;
    const nodes = unglossedNodes(root);
    const failure = await source.load(nodes.map((node) => node.data));
    if (failure || current !== generation || !layer) return;
    if (glossNodes(nodes)) deps.articleChanged();
  };

  /**
   * Calls `onChange` with the article's body each time the page changes it, following the article when the page
   * replaces its body element.
   */
  const followArticle = (root: Element, onChange: (now: Element) => void) => {
    stopWatching = watchArticle(root, () => {
      const now = deps.articleRoot();
      if (!now) return;
      if (now !== root) {
        stopWatching();
        followArticle(now, onChange);
      }
      onChange(now);
    });
  };

  /** Fetches the glosses of the article's text, ahead of the reader turning the gloss on. */
  const prefetch = () => {
    const root = deps.articleRoot();
    if (root) void source.load(unglossedNodes(root).map((node) => node.data));
  };

  const fail = (message: string) => {
    error = message;
    fallback = null;
    settings = { ...settings, on: false };
    applyGlossStyles(doc, null);
    void saveGlossSettings(call, settings);
    deps.showError(t('glossFailed', message), () => void set({ on: true }));
  };

  /** Whether paragraph mode is what the page should show now. */
  const wantParagraphs = () => settings.on && settings.mode === 'paragraphs';

  /**
   * Shows the paragraph translations, and keeps them current as the page changes; falls back to word glosses, saying
   * why, when there is no sentence translator or it fails.
   */
  const paragraphsOn = async (started: number) => {
    const current = ++generation;
    const root = deps.articleRoot();
    if (!root) return;
    const outcome = deps.paragraphs
      ? await translateParagraphs(root, deps.paragraphs)
      : { ok: false as const, message: t('translateParagraphsUnavailable') };
    if (current !== generation) {
      if (!wantParagraphs()) removeParagraphTranslations(root);
      return;
    }
    if (!outcome.ok) {
      fallback = outcome.message;
      deps.showError(t('glossParagraphsFallback', fallback), null);
      return wordsOn(started);
    }
    error = null;
    fallback = null;
    deps.articleChanged();
    afterNextFrame(win, () => performance.measure('nea:gloss-on', { start: started }));
    watchParagraphs(root, current);
  };

  /**
   * Keeps the paragraph translations of generation `current` right as the page changes the article. A translation
   * that arrives after the reader turned them off is taken away.
   */
  const watchParagraphs = (root: Element, current: number) =>
    followArticle(root, (now) => {
      if (!deps.paragraphs) return;
      void translateParagraphs(now, deps.paragraphs).then((again) => {
        if (current !== generation) {
          if (!wantParagraphs()) removeParagraphTranslations(now);
        } else if (again.ok) deps.articleChanged();
      });
    });

  const glossOn = (started: number) => (settings.mode === 'paragraphs' ? paragraphsOn(started) : wordsOn(started));

  const wordsOn = async (started: number) => {
    const current = ++generation;
    const root = deps.articleRoot();
    if (!root) return;
    // The text on screen is asked for first and alone: the first answer is what the reader waits for.
    const { near, rest } = nearScreenFirst(unglossedNodes(root), win);
    const [loaded, knownWords] = await Promise.all([source.load(near.map((node) => node.data)), call('known-words/list', {})]);
    if (current !== generation) return;
    const failure = loaded ?? (knownWords.ok ? null : knownWords.error);
    if (failure || !knownWords.ok) return fail(failure?.message ?? '');
    error = null;
    known = new Set(knownWords.value);
    layer = new GlossLayer(doc, isKnown);
    glossArticle(root, near, rest, started);
    followArticle(root, (now) => void glossAdditions(now));
  };

  const glossOff = (started: number) => {
    generation++;
    fallback = null;
    stopWatching();
    // The styles go with the words, inside `keepReadingPosition`: its first reading of the layout must not be the
    // costly relayout of a still-glossed article without its styles.
    const root = deps.articleRoot();
    const restore = () => {
      layer?.restore();
      if (root) removeParagraphTranslations(root);
      applyGlossStyles(doc, null);
    };
    if (root) keepReadingPosition(root, restore);
    else restore();
    layer = null;
    deps.articleChanged();
    afterNextFrame(win, () => performance.measure('nea:gloss-off', { start: started }));
  };

  /** Makes the page show `next`; `started` is when the reader asked (for the measure). */
  const apply = async (next: GlossSettings, started: number) => {
    const was = settings;
    settings = next;
    if (next.on) applyGlossStyles(doc, next);
    if (next.on && was.on && next.mode !== was.mode) {
      glossOff(started);
      applyGlossStyles(doc, next);
      await glossOn(started);
    } else if (next.on && !was.on) await glossOn(started);
    else if (!next.on && was.on) glossOff(started);
  };

  /**
   * Changes the settings, applies them here, stores them when they changed (a patch that changes nothing, such as
   * the popup's empty one, only reads), and answers the state afterwards.
   */
  const set = async (patch: GlossSettingsPatch, started = performance.now()): Promise<GlossState> => {
    changesMade++;
    const next = { ...settings, ...patch };
    if (patch.on) error = null;
    const changed = (Object.keys(next) as (keyof GlossSettings)[]).some((key) => next[key] !== settings[key]);
    await Promise.all([apply(next, started), changed ? saveGlossSettings(call, next) : null]);
    return state();
  };

  const state = (): GlossState => ({ settings: { ...settings }, error, fallback });

  /** The glossed words the reader has selected. */
  const selectedWords = () => {
    const range = deps.readerSelection();
    return layer && range ? layer.wordsIn(range) : [];
  };

  /** Re-reads the known words after they changed elsewhere, and shows the glossed words accordingly. */
  const refreshKnown = async () => {
    if (!layer) return;
    const asked = ++knownAnswers;
    const result = await call('known-words/list', {});
    // An answer overtaken by a newer one (this tab's own change) is dropped.
    if (!result.ok || !layer || asked !== knownAnswers) return;
    showKnown(result.value);
  };

  /** Leaves `words` bare and glosses every other word again. */
  const showKnown = (words: readonly string[]) => {
    known = new Set(words);
    layer?.refreshKnown(isKnown);
    deps.articleChanged();
  };

  /** The words this page added to the word list, or found there already: the button says so for them. */
  const listed = new Set<string>();

  const wordListAction = (): WordListAction => {
    const words = selectedWords();
    if (words.length === 0) return null;
    return words.every((w) => listed.has(w.word)) ? 'listed' : 'add';
  };

  /** Adds the selected glossed words to the word list, each with its pinyin, gloss, sentence and this article. */
  const addSelectionToWordList = async () => {
    const range = deps.readerSelection();
    const chosen = new Map<string, WordInPassage>();
    for (const found of layer && range ? layer.passagesIn(range) : []) {
      if (!listed.has(found.token.word) && !chosen.has(found.token.word)) chosen.set(found.token.word, found);
    }
    const { id: articleId, url } = deps.article;
    for (const { token, passage } of chosen.values()) {
      const { word, pinyin, gloss: sense, start, end } = token;
      const sentence = sentenceAround(passage, start, end);
      const result = await call('word-list/add', { entry: { word, pinyin, sense, sentence, articleId, url } });
      if (!result.ok) return deps.showError(t('wordListAddFailed', result.error.message), null);
      listed.add(word);
      deps.repaint();
    }
  };

  const toggleKnownInSelection = async () => {
    const words = selectedWords();
    const markKnown = words.some((w) => !w.known);
    const chosen = [...new Set(words.filter((w) => w.known !== markKnown).map((w) => w.word))];
    if (chosen.length === 0) return;
    const asked = ++knownAnswers;
    const result = await call('known-words/set', { words: chosen, known: markKnown });
    if (!result.ok) return deps.showError(t('glossKnownFailed', result.error.message), null);
    if (asked === knownAnswers) showKnown(result.value);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!isReaderEvent(event) || !isAltShortcut(event, 'KeyG') || deps.isOwnEvent(event) || isTextInput(event.target)) return;
    event.preventDefault();
    void set({ on: !settings.on }, event.timeStamp);
  };

  doc.addEventListener('keydown', onKeyDown, true);
  /** Bumped by every read of the stored settings, so only the newest answer is applied. */
  let settingsReads = 0;
  let destroyed = false;

  return {
    /** Reads the stored settings and applies them (glossing the article when the reader left the gloss on). */
    start: async () => {
      const before = changesMade;
      const stored = await loadGlossSettings(call);
      // The reader pressed Alt+G (or used the popup) while the stored settings were on their way: theirs stand.
      if (changesMade !== before) return;
      await apply(stored ?? DEFAULT_GLOSS_SETTINGS, performance.now());
      // A reader who has used the gloss is likely to again: fetch this article's glosses while the page is idle, so
      // the first Alt+G is as quick as the next (it also has the background load its word index ahead of time).
      if (stored && !stored.on) win.requestIdleCallback?.(prefetch);
    },
    /** Changes some settings (from the popup); an empty patch just reads the state. */
    set,
    /** The settings changed in another tab: reads them again and applies them. */
    settingsChanged: async () => {
      const asked = ++settingsReads;
      const stored = await loadGlossSettings(call);
      if (stored && asked === settingsReads && !destroyed) await apply(stored, performance.now());
    },
    /** Turns the gloss on or off (the toolbar button). */
    toggle: () => void set({ on: !settings.on }),
    /** Whether the gloss is on. */
    isOn: () => settings.on,
    /** What the "known" button does for the current selection: mark its glossed words known, or unmark them. */
    knownAction: (): KnownAction => {
      const words = selectedWords();
      if (words.length === 0) return null;
      return words.some((w) => !w.known) ? 'mark' : 'unmark';
    },
    /** Marks the selected glossed words known, or, when all of them are known already, not known any more. */
    toggleKnownInSelection,
    /** What the word-list button does for the current selection. */
    wordListAction,
    /** Adds the selected glossed words to the reader's word list. */
    addSelectionToWordList,
    /** The known words changed in another tab or by an import: re-read them (when the gloss is on). */
    refreshKnown,
    /** Removes everything the gloss added and stops listening. */
    destroy: () => {
      destroyed = true;
      generation++;
      // A paragraph translation still on its way sees the gloss off, and takes itself away when it lands.
      settings = { ...settings, on: false };
      stopWatching();
      doc.removeEventListener('keydown', onKeyDown, true);
      layer?.restore();
      layer = null;
      const root = deps.articleRoot();
      if (root) removeParagraphTranslations(root);
      applyGlossStyles(doc, null);
    },
  };
}

/** The gloss controller's public face, for the content-script entry. */
export type GlossController = ReturnType<typeof createGlossController>;
