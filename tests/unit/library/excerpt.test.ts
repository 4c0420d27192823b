import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../lib/core/library/excerpt';

describe('excerpt', () => {
  it('keeps a short text whole', () => {
    expect(excerpt('short text', [{ start: 0, end: 5 }], 20)).toEqual({
      text: 'short text',
      spans: [{ start: 0, end: 5 }],
      cutBefore: false,
      cutAfter: false,
    });
  });

  it('starts at the beginning when the first match is inside the window', () => {
    const part = excerpt('a'.repeat(100), [{ start: 10, end: 12 }], 40);
    expect(part).toMatchObject({ cutBefore: false, cutAfter: true, spans: [{ start: 10, end: 12 }] });
    expect(part.text).toHaveLength(40);
  });

  it('moves the window to show a match further in, with a little text before it', () => {
    const text = `${'前'.repeat(200)}MATCH${'后'.repeat(200)}`;
    const part = excerpt(text, [{ start: 200, end: 205 }], 60);
    expect(part.cutBefore).toBe(true);
    expect(part.cutAfter).toBe(true);
    expect(part.text.slice(part.spans[0].start, part.spans[0].end)).toBe('MATCH');
    expect(part.spans[0].start).toBe(24);
  });

  it('clips spans to the window and never splits a surrogate pair', () => {
    const text = `${'x'.repeat(50)}𠀀${'y'.repeat(50)}MATCH`;
    const part = excerpt(text, [{ start: 103, end: 108 }], 40);
    expect(part.text.endsWith('MATCH')).toBe(true);
    expect(part.text.charCodeAt(0)).not.toBe(0xdc00);
    const cut = excerpt(text, [{ start: 0, end: 200 }], 51);
    expect(cut.spans).toEqual([{ start: 0, end: cut.text.length }]);
    expect(cut.text.endsWith('x')).toBe(true);
  });
});
