import { describe, expect, it } from 'vitest';
import { assemble, trueSpans, type Segment } from '../../../scripts/bench/edit-corpus-text';

const original = '甲乙丙丁戊己庚辛壬癸。子丑寅卯辰巳午未申酉。\n天地玄黃宇宙洪荒日月盈昃\n';

/** Where the highlight on original [start, end) is after `segments`. */
const truthAfter = (segments: Segment[], start: number, end: number) =>
  trueSpans(original, assemble(original, segments), start, end);

describe('the edited article', () => {
  it('is the segments in order, rewrites keeping their length', () => {
    const edited = assemble(original, [{ from: 0, to: 2 }, { insert: '新' }, { from: 4, to: 6, as: '戍已' }]);
    expect(edited.text).toBe('甲乙新戍已');
    expect(Array.from(edited.newIndex.slice(0, 7))).toEqual([0, 1, -1, -1, 3, 4, -1]);
    expect(() => assemble(original, [{ from: 0, to: 2, as: '甲' }])).toThrow();
  });
});

describe('where a highlight is after edits', () => {
  // The highlight 丙丁戊己庚 is original [2, 7).
  it('moves with what was inserted before it, and grows over words inserted inside it', () => {
    expect(truthAfter([{ insert: '一二' }, { from: 0, to: original.length }], 2, 7)).toEqual([{ start: 4, end: 9 }]);
    expect(truthAfter([{ from: 0, to: 4 }, { insert: '一二' }, { from: 4, to: original.length }], 2, 7)).toEqual([
      { start: 2, end: 9 },
    ]);
  });

  it('leaves words inserted at its edges out', () => {
    const segments: Segment[] = [{ from: 0, to: 2 }, { insert: '一' }, { from: 2, to: 7 }, { insert: '二' }];
    expect(truthAfter([...segments, { from: 7, to: original.length }], 2, 7)).toEqual([{ start: 3, end: 8 }]);
  });

  it('keeps what is left when at most half was cut, and is gone when more was', () => {
    expect(
      truthAfter(
        [
          { from: 0, to: 3 },
          { from: 5, to: original.length },
        ],
        2,
        7,
      ),
    ).toEqual([{ start: 2, end: 5 }]);
    expect(
      truthAfter(
        [
          { from: 0, to: 3 },
          { from: 6, to: original.length },
        ],
        2,
        7,
      ),
    ).toEqual([]);
  });

  it('follows a paragraph that moved, and takes a split highlight to be either half that holds half of it', () => {
    // Three lines; the second and third exchanged, their line breaks staying where they were.
    const lines = '甲乙丙丁戊己庚\n辛壬癸子丑寅卯\n天地玄黃宇宙洪\n';
    const second: Segment = { from: 8, to: 15 };
    const third: Segment = { from: 16, to: 23 };
    const breaks = (at: number): Segment => ({ from: at, to: at + 1 });
    const edited = assemble(lines, [{ from: 0, to: 7 }, breaks(7), third, breaks(15), second, breaks(23)]);
    expect(edited.text).toBe('甲乙丙丁戊己庚\n天地玄黃宇宙洪\n辛壬癸子丑寅卯\n');
    expect(trueSpans(lines, edited, 9, 13)).toEqual([{ start: 17, end: 21 }]);
    // 戊己庚 + line break + 辛壬癸子: the first line's part (4 with the line break) and the moved part (4, and the line
    // break before it, the same as the highlight's) are halves.
    expect(trueSpans(lines, edited, 4, 12)).toEqual([
      { start: 4, end: 8 },
      { start: 15, end: 20 },
    ]);
  });

  it('counts characters beside it that equal its own next ones as its words', () => {
    // 己庚辛 cut; 壬 is still next: the highlight 戊己庚辛 loses 3 of 4 but the next words after the cut are 壬癸…
    const edited: Segment[] = [{ from: 0, to: 5 }, { insert: '己庚' }, { from: 8, to: original.length }];
    expect(truthAfter(edited, 4, 8)).toEqual([{ start: 4, end: 7 }]);
  });

  it('finds a deleted highlight where the article repeats it exactly, beside the same words', () => {
    const repeated = `${original}又一遍:${original.slice(0, 16)}`;
    const copy = original.length + 4 + 2;
    const withoutFirst = (text: string) =>
      assemble(text, [
        { from: 0, to: 1 },
        { from: 9, to: text.length },
      ]);
    expect(trueSpans(repeated, withoutFirst(repeated), 2, 7)).toEqual([{ start: copy - 8, end: copy - 3 }]);
    // Not beside the same words: gone.
    const shortCopy = `${original}又一遍:${original.slice(0, 12)}`;
    expect(trueSpans(shortCopy, withoutFirst(shortCopy), 2, 7)).toEqual([]);
  });
});
