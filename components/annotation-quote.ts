import { isPageNote, quoteOf, type Annotation } from '../lib/core/model/annotation';
import { t } from '../lib/extension/i18n';

/**
 * The text that stands for an annotation where its quote is shown (popup, library): the quote, or for a page note
 * (a note on the whole article, imported from Hypothesis) words saying so, as it quotes nothing.
 */
export const displayQuote = (annotation: Pick<Annotation, 'target'>): string =>
  isPageNote(annotation) ? t('pageNote') : quoteOf(annotation).exact;
