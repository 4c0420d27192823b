import { provideChunk } from '../lib/content/shell/chunks';
import { renderAnnotatorUi } from '../lib/content/ui/annotator-ui';

/** The annotator's UI, run in a NetEase tab by the background when the content script first has something to show. */
export default defineUnlistedScript(() => provideChunk('ui', { renderAnnotatorUi }));
