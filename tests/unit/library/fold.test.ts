import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../lib/core/library/fold';

describe('foldForSearch', () => {
  it.each([
    ['English letters to lower case', 'First Principles', 'first principles'],
    ['full-width Latin and digits to ASCII', 'ＡＩ时代２０２４', 'ai时代2024'],
    ['the ideographic space to a space', '马斯克\u3000xAI', '马斯克 xai'],
    ['Chinese unchanged', '一切都應該是昨天就完成', '一切都應該是昨天就完成'],
    ['characters outside the BMP unchanged', '𠀀😀A', '𠀀😀a'],
  ])('folds %s', (_what, text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('keeps every text the same length, so offsets found in the folded text hold in the original', () => {
    // 'İ' lower-cases to two units; folding leaves it rather than shift every later offset.
    for (const text of ['İstanbul', 'ǅ', 'ß', 'ΣΑΣ', 'x'.repeat(20_000)]) expect(foldForSearch(text)).toHaveLength(text.length);
  });
});
