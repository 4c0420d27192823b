/**
 * The translation popover on an article page: `Alt+T` or the toolbar's Translate button on a selection opens it with
 * the selection's dictionary words (offline, at once) and, below them, a sentence translation from the reader's
 * service — the browser's on-device translator here in the window, or a remote service through the background.
 * Copy, Retry, the language-pack download, and saving the translation onto a highlight are its actions.
 */
import type { CallBackground } from '../../extension/messaging/client';
import { isAltShortcut, isTextInput } from '../shell/shortcuts';
import { isReaderEvent } from '../shell/reader-input';
import type { AnnotationTranslation } from '../../core/model/annotation';
import type { Result } from '../../extension/messaging/messages';
import { t } from '../../extension/i18n';
import { MAX_SELECTION_CHARS } from '../../core/translate/limits';
import type { OnDeviceTranslator } from '../shell/translation/on-device';
import { translateSentences } from '../shell/translation/sentences';
import type { TranslationPlan } from '../../core/translate/plan';
import { contentSentenceDeps } from '../shell/translation/content-deps';
import { placeBeside } from './placement';
import type { ArticleSelection } from '../shell/article-selection';
import { copyText, sentenceView, type TranslateView } from './popover-state';
import type { SelectionWord } from '../../core/translate/selection-words';
import { sentenceAround } from '../../core/gloss/sentence-around';

export interface TranslateControllerDeps {
  doc: Document;
  call: CallBackground;
  onDevice: OnDeviceTranslator;
  /** The reader's selection in the article; null when there is none. */
  selection(): ArticleSelection | null;
  /** Saves `translation` onto the highlight of exactly `selection`, or a new highlight there. */
  attach(selection: ArticleSelection, translation: AnnotationTranslation): Promise<Result<unknown>>;
  writeClipboard(text: string): Promise<void>;
  /** Called when the popover opens (the annotator closes its own toolbar and popovers). */
  onOpen(): void;
  /** Called after every change of the popover, to render it. */
  onChange(): void;
  /** True when an event came from inside the annotator's own UI. */
  isOwnEvent(event: Event): boolean;
  /** The article the page shows: its id and desktop address, the word list's link back. */
  article: { id: string; url: string };
}

/** The selection an open popover is about, and the plan for translating it once the background gave one. */
interface About {
  selection: ArticleSelection;
  plan?: TranslationPlan;
}

/** What the popover's controls do. */
export interface TranslateActions {
  /** Opens the popover for the current selection. */
  open(): void;
  retry(): void;
  /** Downloads the on-device language pack (from the reader's click), then translates. */
  download(): void;
  copy(): void;
  save(): void;
  /** Adds one of the popover's words to the reader's word list, with the sentence around it. */
  addWord(word: SelectionWord): void;
  openSettings(): void;
  close(): void;
}

/** How long the Copy button says "Copied". */
const COPIED_MS = 1_500;

const IDLE = { state: 'idle' } as const;

/** The word list before the reader adds a word from the popover. */
const NOTHING_LISTED = { listed: [], failed: null } as const;

/** An error's message, for the reader. */
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The reading and sense the word list keeps for a popover word: the gloss's line, else its first reading and sense. */
const readingOf = ({ line, entries: [first] }: SelectionWord): { pinyin: string; sense: string } =>
  line ? { pinyin: line.pinyin, sense: line.gloss } : { pinyin: first?.pinyin ?? '', sense: first?.senses[0] ?? '' };

/** The sentence around the first `word` of the selection, from the selection and the article text around it. */
function sentenceOf(selection: ArticleSelection, word: string): string {
  const { prefix, exact, suffix } = selection.target.selector[0];
  const at = prefix.length + Math.max(0, exact.indexOf(word));
  return sentenceAround(prefix + exact + suffix, at, at + word.length);
}

/** Starts the translation popover on a page; `destroy` removes its listeners. */
export function createTranslateController(deps: TranslateControllerDeps) {
  const { doc, call } = deps;
  let view: TranslateView | null = null;
  /** The selection the open popover is about; replaced on each open, so late answers for an older one are dropped. */
  let current: About | null = null;
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;

  const sentenceDeps = contentSentenceDeps(call, deps.onDevice);

  const show = (next: TranslateView | null) => {
    view = next;
    deps.onChange();
  };

  /** Applies `change` to the popover if it is still about `about`. */
  const patch = (about: About, change: Partial<TranslateView>) => {
    if (about === current && view) show({ ...view, ...change });
  };

  const loadWords = async (about: About) => {
    const result = await call('translate/words', { text: about.selection.text });
    if (result.ok) patch(about, { words: { state: 'ready', words: result.value } });
    else patch(about, { words: { state: 'failed', message: result.error.message } });
  };

  const loadSentence = async (about: About, allowDownload: boolean) => {
    if (!about.plan) {
      const planned = await call('translate/plan', { sample: about.selection.text });
      if (!planned.ok) {
        const { message } = planned.error;
        return patch(about, { sentence: { state: 'failed', provider: '', message, retry: true, settings: false } });
      }
      about.plan = planned.value;
    }
    const plan = about.plan;
    const { provider } = plan;
    patch(about, { sentence: allowDownload ? { state: 'downloading', provider, progress: 0 } : { state: 'loading', provider } });
    const outcome = await translateSentences([about.selection.text], plan, sentenceDeps, {
      allowDownload,
      onProgress: (progress) => patch(about, { sentence: { state: 'downloading', provider, progress } }),
    });
    patch(about, { sentence: sentenceView(outcome) });
  };

  const open = () => {
    const selection = deps.selection();
    if (!selection) return;
    const about = (current = { selection });
    deps.onOpen();
    const win = deps.doc.defaultView!;
    const place = placeBeside(
      { left: selection.box.left, top: selection.top, bottom: selection.box.bottom },
      { top: win.scrollY, height: win.innerHeight },
    );
    if (selection.text.length > MAX_SELECTION_CHARS) {
      const message = t('translateTooLong', MAX_SELECTION_CHARS);
      show({
        ...place,
        text: selection.text,
        words: { state: 'failed', message },
        sentence: { state: 'failed', provider: '', message, retry: false, settings: false },
        copy: IDLE,
        save: IDLE,
        wordList: NOTHING_LISTED,
      });
      return;
    }
    const sentence = { state: 'loading', provider: '' } as const;
    show({
      ...place,
      text: selection.text,
      words: { state: 'loading' },
      sentence,
      copy: IDLE,
      save: IDLE,
      wordList: NOTHING_LISTED,
    });
    void loadWords(about);
    void loadSentence(about, false);
  };

  const close = () => {
    current = null;
    clearTimeout(copiedTimer);
    if (view) show(null);
  };

  const actions: TranslateActions = {
    open,
    retry: () => {
      if (!current) return;
      current.plan = undefined; // the reader may have changed the settings meanwhile
      void loadSentence(current, false);
    },
    download: () => current && void loadSentence(current, true),
    copy: () => {
      const about = current;
      if (!view || !about) return;
      deps.writeClipboard(copyText(view)).then(
        () => {
          patch(about, { copy: { state: 'done' } });
          clearTimeout(copiedTimer);
          copiedTimer = setTimeout(() => patch(about, { copy: IDLE }), COPIED_MS);
        },
        (error: unknown) => patch(about, { copy: { state: 'failed', message: t('translateCopyFailed', errorText(error)) } }),
      );
    },
    save: async () => {
      const about = current;
      if (!view || !about || view.sentence.state !== 'done') return;
      const translation = { text: view.sentence.text, provider: view.sentence.provider };
      patch(about, { save: { state: 'busy' } });
      const result = await deps.attach(about.selection, translation);
      if (result.ok) patch(about, { save: { state: 'done' } });
      else patch(about, { save: { state: 'failed', message: t('translateSaveFailed', result.error.message) } });
    },
    addWord: async (word) => {
      const about = current;
      if (!about) return;
      const entry = { word: word.text, ...readingOf(word), sentence: sentenceOf(about.selection, word.text) };
      const result = await call('word-list/add', { entry: { ...entry, articleId: deps.article.id, url: deps.article.url } });
      const { listed } = view?.wordList ?? NOTHING_LISTED;
      patch(about, {
        wordList: result.ok
          ? { listed: [...listed, word.text], failed: null }
          : { listed, failed: t('wordListAddFailed', result.error.message) },
      });
    },
    openSettings: () => void call('translate/open-options', {}),
    close,
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && view) {
      close();
      return;
    }
    // Only the reader's own key press: a page script's synthetic one must not send its text to a service.
    if (!isReaderEvent(event) || !isAltShortcut(event, 'KeyT') || deps.isOwnEvent(event) || isTextInput(event.target)) return;
    if (!deps.selection()) return;
    event.preventDefault();
    open();
  };

  const onClick = (event: MouseEvent) => {
    if (view && !deps.isOwnEvent(event)) close();
  };

  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('click', onClick, true);

  return {
    /** The popover as it should be drawn now; null when closed. */
    view: (): TranslateView | null => view,
    actions,
    /** Closes the popover and stops listening. */
    destroy: () => {
      close();
      doc.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('click', onClick, true);
    },
  };
}
