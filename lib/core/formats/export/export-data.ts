/**
 * What every export format starts from: the annotations and article records to write, arranged the one way all
 * formats present them (one group per article, highlights in reading order).
 */
import { positionOf, type Annotation, type ArticleRecord } from '../../model/annotation';
import { desktopArticleUrl } from '../../netease/article-id';
import type { KnownWord } from '../../model/gloss';
import type { WordListEntry } from '../../model/word-list';

/** A stored annotation as exports and imports handle it: the model's `Annotation`, translation included. */
export type ExportAnnotation = Annotation;

/** The records an export is made from, as read from the database. */
export interface ExportData {
  annotations: readonly ExportAnnotation[];
  articles: readonly ArticleRecord[];
  /** The words the reader marked known; only the native backup carries them, and only when exporting everything. */
  knownWords?: readonly KnownWord[];
  /** The reader's word list; like the known words, only in the native backup of everything. */
  wordList?: readonly WordListEntry[];
}

/** One article's live annotations in reading order, with its stored record when there is one. */
export interface ArticleGroup {
  articleId: string;
  /** The stored article record; undefined when none exists (it should, but exports must not fail without it). */
  article: ArticleRecord | undefined;
  annotations: ExportAnnotation[];
}

/** Code-unit order of two strings (locale-independent, so every machine sorts the same). */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Reading order: by position in the article, then the older annotation first, then by id (a total order). */
function readingOrder(a: Annotation, b: Annotation): number {
  return positionOf(a).start - positionOf(b).start || a.createdAt - b.createdAt || compareText(a.id, b.id);
}

/**
 * Groups the live annotations (soft-deleted ones are waiting for purge and are never exported) by article.
 * Articles come in the order they were first annotated, so a re-export of a grown library only appends; highlights
 * come in reading order. Every format presents this same arrangement, so files of one export agree with each other.
 */
export function groupByArticle(data: ExportData): ArticleGroup[] {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const groups = new Map<string, ArticleGroup>();
  const firstCreated = new Map<string, number>();
  for (const annotation of data.annotations) {
    if (annotation.deletedAt !== null) continue;
    const id = annotation.articleId;
    let group = groups.get(id);
    if (!group) {
      group = { articleId: id, article: articles.get(id), annotations: [] };
      groups.set(id, group);
    }
    group.annotations.push(annotation);
    firstCreated.set(id, Math.min(firstCreated.get(id) ?? Infinity, annotation.createdAt));
  }
  const ordered = [...groups.values()].sort(
    (a, b) => firstCreated.get(a.articleId)! - firstCreated.get(b.articleId)! || compareText(a.articleId, b.articleId),
  );
  for (const group of ordered) group.annotations.sort(readingOrder);
  return ordered;
}

/** The article's title, or a stand-in naming its ID when the page gave none (headings and CSV titles need one). */
export const articleTitle = (group: ArticleGroup): string => group.article?.title || `NetEase article ${group.articleId}`;

/** The article's stored URL, or its desktop URL built from the ID when no record exists. */
export const articleUrl = (group: ArticleGroup): string => group.article?.url || desktopArticleUrl(group.articleId, null);
