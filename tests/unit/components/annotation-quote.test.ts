/** What stands for an annotation's quote in the popup and the library, whatever its target came with. */
import { describe, expect, it } from 'vitest';
import { displayQuote } from '../../../components/annotation-quote';
import type { AnnotationTarget } from '../../../lib/core/model/annotation';

const target = (
  exact: string,
  start: number,
  end: number,
  missing?: AnnotationTarget['missing'],
): { target: AnnotationTarget } => ({
  target: {
    version: 1,
    selector: [
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start, end },
    ],
    ...(missing && { missing }),
  },
});

describe('displayQuote', () => {
  it('is the quote when there is one', () => {
    expect(displayQuote(target('馬斯克', 3, 6))).toBe('馬斯克');
  });

  it('says where the text is when the file gave a position only (never an empty line)', () => {
    expect(displayQuote(target('', 10, 20, 'quote'))).toBe('Text at characters 11–20 of the article (the file gave no quote)');
  });

  it('says a page note is on the whole article', () => {
    expect(displayQuote(target('', 0, 1, 'selectors'))).toBe('Note on the whole article');
  });
});
