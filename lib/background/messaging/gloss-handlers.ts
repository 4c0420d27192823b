/**
 * The background's answers to gloss requests: passages glossed with the dictionary's word index it loads once, and
 * the known words kept in the database. Content scripts ask here rather than each holding the dictionary.
 */
import { glossText, glossTexts, type GlossedToken } from '../../core/gloss/gloss-text';
import type { IntroducedTerms } from '../../core/gloss/introduced-terms';
import { BoundedCache, type WordIndex } from '../../core/gloss/word-index';
import type { GlossToken } from '../../core/model/gloss';
import type { BackgroundRequests } from '../../extension/messaging/messages';
import type { KnownWordsRepo } from '../../../storage/known-words-repo';
import type { Handlers } from '../../extension/messaging/dispatch';

/** What the gloss handlers work with. */
export interface GlossBackend {
  /** The dictionary's word index, loaded on first use (`loadWordIndex` in the extension). */
  words: () => Promise<WordIndex>;
  knownWords: KnownWordsRepo;
  /** Tells the other tabs that the known words changed; `exceptTabId` made the change. */
  notifyKnownWordsChanged(exceptTabId: number | undefined): Promise<void>;
}

/** The message types answered here. */
type GlossType = 'gloss/text' | 'known-words/list' | 'known-words/set';

/** The glossed words of a passage's tokens (other text, unknown characters left out). */
function glossedWords(tokens: readonly GlossedToken[]): GlossToken[] {
  return tokens.flatMap(({ text: word, start, end, pinyin, gloss }) =>
    pinyin === undefined || gloss === undefined ? [] : [{ start, end, word, pinyin, gloss }],
  );
}

/** The dictionary words of `text` with pinyin and interlinear gloss (other text, unknown characters left out). */
export function glossTokens(text: string, words: WordIndex): GlossToken[] {
  return glossedWords(glossText(text, words));
}

/** Handlers for the gloss messages, to merge into the background router's. */
export function createGlossHandlers(
  backend: GlossBackend,
): Pick<Handlers<BackgroundRequests, { tabId: number | undefined }>, GlossType> {
  /** The terms each tab's article introduced so far (a few names per article; the cache starts over when large). */
  const termsByTab = new BoundedCache<number, IntroducedTerms>();
  return {
    'gloss/text': async ({ texts }, { tabId }) => {
      const words = await backend.words();
      // Read as one article: a name one passage introduces is kept whole in all, also in the tab's later requests.
      const { tokens, terms } = glossTexts(texts, words, tabId === undefined ? undefined : termsByTab.get(tabId));
      if (tabId !== undefined) termsByTab.set(tabId, terms);
      return tokens.map(glossedWords);
    },
    'known-words/list': () => backend.knownWords.list(),
    'known-words/set': async ({ words, known }, { tabId }) => {
      const list = await backend.knownWords.set(words, known);
      backend.notifyKnownWordsChanged(tabId).catch((err: unknown) => console.error('[netease-annotator]', err));
      return list;
    },
  };
}
