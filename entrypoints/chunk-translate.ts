import { provideChunk } from '../lib/content/shell/chunks';
import { createTranslateController } from '../lib/content/translate/translate-controller';

/** The translation popover, run in a NetEase tab by the background when the reader first asks for a translation. */
export default defineUnlistedScript(() => provideChunk('translate', { createTranslateController }));
