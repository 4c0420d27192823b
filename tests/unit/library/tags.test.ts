import { describe, expect, it } from 'vitest';
import { addTag, countTags } from '../../../lib/core/library/tags';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../../lib/core/model/schemas';

describe('addTag', () => {
  it('adds a trimmed tag at the end', () => {
    expect(addTag(['a'], '  速度 ')).toEqual({ ok: true, tags: ['a', '速度'] });
  });

  it.each([
    ['a blank tag', [], '   ', 'empty'],
    ['a tag already there', ['a'], ' a', 'duplicate'],
    ['a tag too long', [], 'x'.repeat(MAX_TAG_LENGTH + 1), 'too-long'],
    ['one tag too many', Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`), 'more', 'too-many'],
  ])('refuses %s', (_what, tags, typed, problem) => {
    expect(addTag(tags, typed)).toEqual({ ok: false, problem });
  });
});

describe('countTags', () => {
  it('counts each tag, most used first, then alphabetically', () => {
    expect(countTags([{ tags: ['b', 'a'] }, { tags: ['b'] }, { tags: ['c'] }, { tags: [] }])).toEqual([
      { tag: 'b', count: 2 },
      { tag: 'a', count: 1 },
      { tag: 'c', count: 1 },
    ]);
  });
});
