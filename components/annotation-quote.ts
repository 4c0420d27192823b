import { isPageNote, positionOf, quoteOf, type Annotation } from '../lib/core/model/annotation';
import { t } from '../lib/extension/i18n';

/**
 * The text that stands for an annotation where its quote is shown (popup, library): the quote; for a page note (a
 * note on the whole article, imported from Hypothesis) words saying so; and for a target that came with a position
 * only (another tool's file), where in the article it is, as the popup and library do not hold the article's text.
 */
export function displayQuote(annotation: Pick<Annotation, 'target'>): string {
  if (isPageNote(annotation)) return t('pageNote');
  const { exact } = quoteOf(annotation);
  if (exact !== '' || annotation.target.missing !== 'quote') return exact;
  const { start, end } = positionOf(annotation);
  return t('positionOnlyQuote', start + 1, end);
}
