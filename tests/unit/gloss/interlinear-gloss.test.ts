import { describe, expect, it } from 'vitest';
import { interlinearGloss, MAX_INTERLINEAR_LENGTH } from '../../../lib/core/gloss/interlinear-gloss';

describe('interlinearGloss', () => {
  it('drops parenthesised asides and everything after the first comma', () => {
    expect(interlinearGloss('to be (followed by substantives only)')).toBe('to be');
    expect(interlinearGloss('Elon Musk (1971–), entrepreneur, CEO of Tesla and SpaceX')).toBe('Elon Musk');
    expect(interlinearGloss('engineer')).toBe('engineer');
  });

  it('shows what a particle says, or that it is one when its description is long', () => {
    expect(interlinearGloss("a modal particle indicating (that's all, only, nothing much)")).toBe("that's all");
    expect(interlinearGloss('(completed action marker)')).toBe('particle');
    expect(interlinearGloss('structural particle: used after a verb')).toBe('particle');
    expect(interlinearGloss('(modal particle)')).toBe('modal particle');
  });

  it('keeps the words of a gloss that is all aside, without brackets', () => {
    expect(interlinearGloss('(bound form)')).toBe('bound form');
  });

  it('ends a gloss still too long in an ellipsis after its last whole word, or inside one long word', () => {
    expect(interlinearGloss('prefix used before monosyllabic names')).toBe('prefix used…');
    const word = interlinearGloss('pneumonoultramicroscopicsilicovolcanoconiosis');
    expect(word).toBe('pneumonoultramicr…');
    expect(word.length).toBe(MAX_INTERLINEAR_LENGTH);
  });
});
