/**
 * The background's answers to gloss requests: passages glossed with the dictionary's word index it loads once, and
 * the known words kept in the database. Content scripts ask here rather than each holding the dictionary.
 */
import { glossText } from '../gloss/gloss-text';
import type { WordIndex } from '../gloss/word-index';
import type { GlossToken } from '../model/gloss';
import type { BackgroundRequests } from '../model/messages';
import type { KnownWordsRepo } from '../../storage/known-words-repo';
import type { Handlers } from './dispatch';

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

/** The dictionary words of `text` with pinyin and interlinear gloss (other text, unknown characters left out). */
export function glossTokens(text: string, words: WordIndex): GlossToken[] {
  return glossText(text, words).flatMap(({ text: word, start, end, pinyin, gloss }) =>
    pinyin === undefined || gloss === undefined ? [] : [{ start, end, word, pinyin, gloss }],
  );
}

/** Handlers for the gloss messages, to merge into the background router's. */
export function createGlossHandlers(
  backend: GlossBackend,
): Pick<Handlers<BackgroundRequests, { tabId: number | undefined }>, GlossType> {
  return {
    'gloss/text': async ({ texts }) => {
      const words = await backend.words();
      return texts.map((text) => glossTokens(text, words));
    },
    'known-words/list': () => backend.knownWords.list(),
    'known-words/set': async ({ words, known }, { tabId }) => {
      const list = await backend.knownWords.set(words, known);
      backend.notifyKnownWordsChanged(tabId).catch((err: unknown) => console.error('[netease-annotator]', err));
      return list;
    },
  };
}
