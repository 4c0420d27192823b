/**
 * Sentence translation as a content script reaches it: the reader's remote service through the background, the
 * on-device translator in this window. Shared by the translation popover and paragraph mode of the gloss switch.
 */
import type { CallBackground } from '../../../extension/messaging/client';
import type { OnDeviceTranslator } from './on-device';
import type { ParagraphDeps } from './paragraphs';
import type { SentenceDeps } from './sentences';

/** What `translateSentences` needs in a content script. */
export const contentSentenceDeps = (call: CallBackground, onDevice: OnDeviceTranslator): SentenceDeps => ({
  remote: (texts, source) => call('translate/text', { texts, source }),
  onDevice,
});

/**
 * What `translateParagraphs` needs in a content script: for the gloss switch's paragraph mode, e.g.
 * `translateParagraphs(root, contentParagraphDeps(call, onDeviceTranslator(window)))`.
 */
export const contentParagraphDeps = (call: CallBackground, onDevice: OnDeviceTranslator): ParagraphDeps => ({
  ...contentSentenceDeps(call, onDevice),
  plan: (sample) => call('translate/plan', { sample }),
});
