/** The reader's selection as article text, shared by the features that act on it (highlight, translate). */
import type { AnnotationTarget } from '../../core/model/annotation';
import type { PageBox } from './geometry';

/** The reader's selection in the article, with its target (quote and position) and where it is on the page. */
export interface ArticleSelection {
  text: string;
  range: Range;
  target: AnnotationTarget;
  /** Where the selection ends on the page (the popover opens under it). */
  box: PageBox;
  /** Where the selection's first line starts on the page (the popover may open above it). */
  top: number;
}
