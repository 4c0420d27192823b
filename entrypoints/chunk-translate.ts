import { provideChunk } from '../lib/content/shell/chunks';
import { startTranslate } from '../lib/content/translate/translate-chunk';

/** The translation popover, run in a NetEase tab by the background when the reader first asks for a translation. */
export default defineUnlistedScript(() => provideChunk('translate', { startTranslate }));
