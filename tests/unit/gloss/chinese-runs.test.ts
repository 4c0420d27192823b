import { describe, expect, it } from 'vitest';
import { splitChineseRuns } from '../../../lib/core/gloss/chinese-runs';

describe('splitChineseRuns', () => {
  it('alternates Chinese and other runs that cover the text', () => {
    expect(splitChineseRuns('AI初創,ok')).toEqual([
      { kind: 'other', start: 0, end: 2 },
      { kind: 'chinese', text: '初創', starts: [2, 3], ends: [3, 4] },
      { kind: 'other', start: 4, end: 7 },
    ]);
  });

  it('drops stray pinyin from the Chinese text and maps each unit back to the page', () => {
    expect(splitChineseRuns('說(shuō)了')).toEqual([{ kind: 'chinese', text: '說了', starts: [0, 7], ends: [7, 8] }]);
  });

  it('keeps both units of a character outside the Basic Multilingual Plane, with their own positions', () => {
    expect(splitChineseRuns('𠮶(gě)人')).toEqual([{ kind: 'chinese', text: '𠮶人', starts: [0, 1, 6], ends: [1, 6, 7] }]);
  });

  it('counts 〇 and compatibility ideographs as Chinese, but not CJK punctuation or kana', () => {
    expect(splitChineseRuns('二〇二六').map((r) => r.kind)).toEqual(['chinese']);
    expect(splitChineseRuns('\uf900').map((r) => r.kind)).toEqual(['chinese']);
    expect(splitChineseRuns('。こ、').map((r) => r.kind)).toEqual(['other']);
  });

  it('leaves a `?pinyin)` mojibake marker and a reading without a preceding character in the other run', () => {
    expect(splitChineseRuns('因?yàn)了')).toEqual([
      { kind: 'chinese', text: '因', starts: [0], ends: [1] },
      { kind: 'other', start: 1, end: 6 },
      { kind: 'chinese', text: '了', starts: [6], ends: [7] },
    ]);
    expect(splitChineseRuns('J(rèn)').map((r) => r.kind)).toEqual(['other']);
  });
});
