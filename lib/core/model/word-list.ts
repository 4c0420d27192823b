/**
 * The reader's word list: words looked up while reading (from a glossed word or the translation popover), each kept
 * with the reading and sense the reader saw, the sentence it stood in and the article it came from, for review
 * (the options page, Anki exports, the JSON backup, sync). One entry per word: adding a word already listed keeps the
 * entry made first.
 */
import * as v from 'valibot';
import { articleIdSchema, MAX_URL_LENGTH, strict, text } from './schemas';
import { isDesktopUrlOf } from '../netease/article-id';
import { MAX_KNOWN_WORD_LENGTH } from './gloss';
import { problem } from './problems';

/** Longest pinyin kept (a long idiom's reading). */
export const MAX_WORD_PINYIN_LENGTH = 200;
/** Longest sense kept. */
export const MAX_WORD_SENSE_LENGTH = 500;
/** Longest sentence kept: a long sentence is cut around the word by the page before it asks. */
export const MAX_WORD_SENTENCE_LENGTH = 500;
/** The latest time a JavaScript Date can represent, in ms since the epoch. */
const MAX_TIME = 8_640_000_000_000_000;

/** Most entries a backup may carry. */
export const MAX_WORD_LIST_ENTRIES = 50_000;

/** The fields of an addition: the word and what the reader saw of it, and where. */
const additionEntries = {
  word: text(1, MAX_KNOWN_WORD_LENGTH),
  pinyin: text(0, MAX_WORD_PINYIN_LENGTH),
  sense: text(0, MAX_WORD_SENSE_LENGTH),
  sentence: text(0, MAX_WORD_SENTENCE_LENGTH),
  articleId: articleIdSchema,
  /** The article's desktop address (`isDesktopUrlOf` its id): the link back. */
  url: text(1, MAX_URL_LENGTH),
};

/** The link back must lead to the entry's own article, on its desktop address. */
const linksItsArticle = <T extends { url: string; articleId: string }>() =>
  v.check<T, string>((entry) => isDesktopUrlOf(entry.url, entry.articleId), problem('problemArticleAddress'));

/** What a reader adds. */
export const wordListAdditionSchema = v.pipe(strict(additionEntries), linksItsArticle());

/** A stored entry: an addition and when it was added. */
export const wordListEntrySchema = v.pipe(
  strict({
    ...additionEntries,
    addedAt: v.pipe(
      v.number(problem('problemNumber')),
      v.integer(problem('problemWhole')),
      v.minValue(0, problem('problemNotNegative')),
      v.maxValue(MAX_TIME, problem('problemDateRange')),
    ),
  }),
  linksItsArticle(),
);

/** What a reader adds to the list. */
export type WordListAddition = v.InferOutput<typeof wordListAdditionSchema>;

/** One entry of the word list, as stored (keyed by `word`), exported and synced. */
export type WordListEntry = v.InferOutput<typeof wordListEntrySchema>;

/** The list in a stable order: oldest first, then by word (code-unit order). */
export const wordListOrder = (a: WordListEntry, b: WordListEntry): number =>
  a.addedAt - b.addedAt || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);
