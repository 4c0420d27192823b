import { provideChunk } from '../lib/content/shell/chunks';
import { createGlossController } from '../lib/content/gloss/gloss-controller';

/** The interlinear gloss, run in a NetEase tab by the background when the reader first turns it on. */
export default defineUnlistedScript(() => provideChunk('gloss', { createGlossController }));
