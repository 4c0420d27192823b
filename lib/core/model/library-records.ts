/** What the library lists, as the background reads it in one go. */
import type { Annotation, ArticleRecord } from './annotation';

/** Every annotation and article record, and how many damaged records were set aside. */
export interface LibraryRecords {
  annotations: Annotation[];
  articles: ArticleRecord[];
  setAside: number;
}
