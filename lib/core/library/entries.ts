/**
 * The library's working set: every live annotation joined to its article record, with its searchable text folded
 * once (on load), so each keystroke only scans prepared strings.
 */
import { quoteOf, type Annotation, type ArticleRecord } from '../model/annotation';
import { foldForSearch } from './fold';

/** One annotation as the library lists it. */
export interface LibraryEntry {
  annotation: Annotation;
  /** Its article's record; undefined if none is stored (imports of foreign files may lack one). */
  article: ArticleRecord | undefined;
  /**
   * Quote, note, translation, tags and article title, folded (`fold.ts`) and joined with NUL so that no search
   * term can match across two fields.
   */
  haystack: string;
}

/** The texts of an entry that search looks at, in the order the haystack joins them. */
function searchableTexts(annotation: Annotation, article: ArticleRecord | undefined): string[] {
  return [
    quoteOf(annotation).exact,
    annotation.note,
    annotation.translation?.text ?? '',
    annotation.tags.join('\n'),
    article?.title ?? '',
  ];
}

/** The live (not soft-deleted) annotations as library entries, joined to their article records. */
export function buildEntries(annotations: readonly Annotation[], articles: readonly ArticleRecord[]): LibraryEntry[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const entries: LibraryEntry[] = [];
  for (const annotation of annotations) {
    if (annotation.deletedAt !== null) continue;
    const article = byId.get(annotation.articleId);
    entries.push({ annotation, article, haystack: foldForSearch(searchableTexts(annotation, article).join('\u0000')) });
  }
  return entries;
}
