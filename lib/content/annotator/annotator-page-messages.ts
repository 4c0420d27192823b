/** The requests a tab's annotator answers for the popup, the library and the background. */
import { annotationIdSchema, strict } from '../../core/model/schema-basics';
import type { PageState } from '../../core/model/page-state';
import { FROM_EXTENSION, type MessageDeclaration } from '../../extension/messaging/declare';

/** What the annotator offers its page messages. */
export interface AnnotatorPageApi {
  pageState(): PageState;
  scrollTo(id: string): boolean;
  startReattach(id: string): boolean;
  load(): Promise<void>;
}

const define = <N extends string, Req, Res>(d: MessageDeclaration<N, Req, Res, AnnotatorPageApi>) => d;

/** The annotator's page messages; the content script binds them to the running annotator. */
export const annotatorPageMessages = [
  /** The article this tab shows and where its annotations stand; null where no annotator runs. */
  define({ name: 'page/state', from: FROM_EXTENSION, request: strict({}), handle: (_, annotator) => annotator.pageState() }),
  /** Scrolls to an annotation's highlight; false when it is not on this page. */
  define({
    name: 'page/scroll-to',
    from: FROM_EXTENSION,
    request: strict({ id: annotationIdSchema }),
    handle: ({ id }, annotator) => annotator.scrollTo(id),
  }),
  /** The reader's next selection on the page becomes annotation `id`'s new text; false when it is not on this page. */
  define({
    name: 'page/reattach',
    from: FROM_EXTENSION,
    request: strict({ id: annotationIdSchema }),
    handle: ({ id }, annotator) => annotator.startReattach(id),
  }),
  /** The background tells each tab showing an article that its annotations changed elsewhere (and nothing more). */
  define({
    name: 'page/annotations-changed',
    from: FROM_EXTENSION,
    request: strict({}),
    handle: (_, annotator) => annotator.load(),
  }),
] as const;
