/**
 * The word-list messages, part of the gloss feature: a reader adds a word from a glossed word or the translation
 * popover (a content script, for its own article only); the options page lists, removes and exports the entries.
 */
import * as v from 'valibot';
import { WORD_LIST_FORMATS, wordListFile } from '../../core/formats/export/word-list-files';
import { strict } from '../../core/model/schemas';
import { wordListAdditionSchema } from '../../core/model/word-list';
import { ANY_SENDER, PAGES_ONLY } from '../../extension/messaging/declare';
import { ownArticle } from '../messaging/own-article';
import { defineMessage } from '../messaging/request-context';
import { problem } from '../../core/model/problems';
import { knownWordsSchema } from './gloss-messages';

/** The word-list messages. */
export const wordListMessages = [
  /**
   * Adds a word with its pinyin, sense, sentence and article (a content script's own article, at its desktop
   * address); answers whether it was added (false: the word was listed already, and its first entry stays).
   */
  defineMessage({
    name: 'word-list/add',
    from: ANY_SENDER,
    request: strict({ entry: wordListAdditionSchema }),
    handle: ({ entry }, { scope, services }) => {
      ownArticle(scope, entry.articleId);
      return services.gloss.wordList.add(entry);
    },
  }),
  /** Every entry, oldest first. */
  defineMessage({
    name: 'word-list/list',
    from: PAGES_ONLY,
    request: strict({}),
    handle: (_, { services }) => services.gloss.wordList.list(),
  }),
  /** Removes the entries of some words; answers the list afterwards. */
  defineMessage({
    name: 'word-list/remove',
    from: PAGES_ONLY,
    request: strict({ words: knownWordsSchema }),
    handle: ({ words }, { services }) => services.gloss.wordList.remove(words),
  }),
  /** The list as a file for flashcards: Anki's tab-separated text, or CSV. */
  defineMessage({
    name: 'word-list/export',
    from: PAGES_ONLY,
    request: strict({ format: v.picklist(WORD_LIST_FORMATS, problem('problemOneOf', WORD_LIST_FORMATS.join(', '))) }),
    handle: async ({ format }, { services }) => wordListFile(format, await services.gloss.wordList.list()),
  }),
] as const;
