/** What a tab's annotator says about its page, for the popup and the library. */
import type { ArticleMeta } from './annotation';

/** Whether an annotation was found on the page as it is now. */
export type AnchorStatus = 'anchored' | 'orphan';

/** The article a tab shows and where each of its annotations stands there. */
export interface PageState {
  article: ArticleMeta;
  anchors: { id: string; status: AnchorStatus }[];
}
