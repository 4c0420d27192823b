/**
 * The gloss messages: passages glossed with the dictionary's word index the background loads once, and the known
 * words kept in the database. Content scripts ask here rather than each holding the dictionary.
 */
import * as v from 'valibot';
import { glossText, glossTexts, type GlossedToken } from '../../core/gloss/gloss-text';
import type { WordIndex } from '../../core/gloss/word-index';
import {
  MAX_GLOSS_CHARS,
  MAX_GLOSS_TEXTS,
  MAX_KNOWN_WORD_LENGTH,
  MAX_KNOWN_WORDS_PER_REQUEST,
  type GlossToken,
} from '../../core/model/gloss';
import { strict, text } from '../../core/model/schemas';
import { ANY_SENDER } from '../../extension/messaging/declare';
import { defineMessage } from '../messaging/request-context';
import type { SenderScope } from '../messaging/sender-scope';
import { problem } from '../../core/model/problems';

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

/**
 * Where the terms a content script's article introduced are kept: per tab and article, so a tab that moves on to
 * another article (or a page that names none yet) does not keep the last one's names whole. None for extension pages,
 * whose passages belong to no article.
 */
function glossTermsKey(scope: SenderScope): string | undefined {
  return scope.kind === 'content-script' && scope.tabId !== undefined ? `${scope.tabId} ${scope.articleId ?? ''}` : undefined;
}

/** Passages to gloss: a bounded list of bounded total length. */
const glossTextsSchema = v.pipe(
  v.array(v.string(problem('problemText')), problem('problemList')),
  v.maxLength(MAX_GLOSS_TEXTS, problem('problemMostPassages', MAX_GLOSS_TEXTS)),
  v.check(
    (texts) => texts.reduce((sum, passage) => sum + passage.length, 0) <= MAX_GLOSS_CHARS,
    problem('problemMaxLengthInAll', MAX_GLOSS_CHARS),
  ),
);

/**
 * Words to mark or unmark known (or to take off the word list): at least one, each non-empty and bounded, a bounded
 * count.
 */
export const knownWordsSchema = v.pipe(
  v.array(text(1, MAX_KNOWN_WORD_LENGTH), problem('problemList')),
  v.minLength(1, problem('problemOneWord')),
  v.maxLength(MAX_KNOWN_WORDS_PER_REQUEST, problem('problemMostWordsNamed', MAX_KNOWN_WORDS_PER_REQUEST)),
);

/** The gloss messages. */
export const glossMessages = [
  /** The dictionary words of each passage, glossed; other text is left out. */
  defineMessage({
    name: 'gloss/text',
    from: ANY_SENDER,
    request: strict({ texts: glossTextsSchema }),
    handle: async ({ texts }, { services, scope, glossTerms }) => {
      const words = await services.gloss.words();
      // Read as one article: a name one passage introduces is kept whole in all, also in the tab's later requests
      // on the same article (and only there: the next article in the tab starts afresh).
      const key = glossTermsKey(scope);
      const { tokens, terms } = glossTexts(texts, words, key === undefined ? undefined : glossTerms.get(key));
      if (key !== undefined) glossTerms.set(key, terms);
      return tokens.map(glossedWords);
    },
  }),
  /** Every word the reader marked known, oldest first. */
  defineMessage({
    name: 'known-words/list',
    from: ANY_SENDER,
    request: strict({}),
    handle: (_, { services }) => services.gloss.knownWords.list(),
  }),
  /** Marks words known (or no longer known); answers every known word afterwards. */
  defineMessage({
    name: 'known-words/set',
    from: ANY_SENDER,
    request: strict({ words: knownWordsSchema, known: v.boolean(problem('problemBoolean')) }),
    handle: async ({ words, known }, { services, tabId }) => {
      const list = await services.gloss.knownWords.set(words, known);
      services.gloss.notifyKnownWordsChanged(tabId).catch((err: unknown) => console.error('[netease-annotator]', err));
      return list;
    },
  }),
] as const;
