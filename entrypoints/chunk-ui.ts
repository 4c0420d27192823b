import { provideChunk } from '../lib/content/shell/chunks';
import { createEditorLinks } from '../lib/content/annotator/editor-links';
import { renderAnnotatorUi } from '../lib/content/ui/annotator-ui';

/**
 * The annotator's UI, run in a NetEase tab by the background when the content script first has something to show,
 * with the channel to the note editor frames it opens.
 */
export default defineUnlistedScript(() => provideChunk('ui', { renderAnnotatorUi, createEditorLinks }));
