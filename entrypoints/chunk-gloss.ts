import { provideChunk } from '../lib/content/shell/chunks';
import { startGloss } from '../lib/content/gloss/gloss-chunk';

/** The interlinear gloss, run in a NetEase tab by the background when the reader first turns it on. */
export default defineUnlistedScript(() => provideChunk('gloss', { startGloss }));
