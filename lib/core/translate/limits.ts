/** How much text translation accepts, checked by the background's message schemas and respected by the content script. */

/** Longest selection the translation popover takes (several paragraphs). */
export const MAX_SELECTION_CHARS = 5_000;

/** Most texts in one `translate/text` request (the paragraphs of a long article). */
export const MAX_TRANSLATE_TEXTS = 400;

/** Most characters in one `translate/text` request, all texts together (a long article). */
export const MAX_TRANSLATE_CHARS = 60_000;
