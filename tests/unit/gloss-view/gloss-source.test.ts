import { describe, expect, it, vi } from 'vitest';
import type { CallBackground } from '../../../lib/content/annotator/annotator-controller';
import { batchTexts, GlossSource } from '../../../lib/content/gloss/gloss-source';
import { MAX_GLOSS_CHARS, MAX_GLOSS_TEXTS, type GlossToken } from '../../../lib/core/model/gloss';

const tokenFor = (text: string): GlossToken => ({ start: 0, end: 1, word: text[0], pinyin: 'p', gloss: 'g' });

describe('batchTexts', () => {
  it('keeps every batch within the request limits and leaves out a text too long for any request', () => {
    const many = Array.from({ length: MAX_GLOSS_TEXTS + 1 }, (_, i) => `字${i}`);
    expect(batchTexts(many).map((b) => b.length)).toEqual([MAX_GLOSS_TEXTS, 1]);
    const half = '字'.repeat(MAX_GLOSS_CHARS / 2);
    expect(batchTexts([half, half, 'x', '字'.repeat(MAX_GLOSS_CHARS + 1)])).toEqual([[half, half], ['x']]);
  });
});

describe('GlossSource', () => {
  it('asks the background once per distinct text and remembers the answers', async () => {
    const call = vi.fn(async (_type: string, { texts }: { texts: string[] }) => ({
      ok: true,
      value: texts.map((t) => [tokenFor(t)]),
    }));
    const source = new GlossSource(call as unknown as CallBackground);
    expect(await source.load(['甲乙', '丙', '甲乙'])).toBeNull();
    expect(await source.load(['丙', '丁'])).toBeNull();
    expect(call.mock.calls.map(([, payload]) => payload.texts)).toEqual([['甲乙', '丙'], ['丁']]);
    expect(source.tokens('丙')).toEqual([tokenFor('丙')]);
    expect(source.tokens('戊')).toBeUndefined();
  });

  it('waits for a request already on its way instead of asking again', async () => {
    const call = vi.fn(async (_type: string, { texts }: { texts: string[] }) => ({
      ok: true,
      value: texts.map((t) => [tokenFor(t)]),
    }));
    const source = new GlossSource(call as unknown as CallBackground);
    const [first, second] = await Promise.all([source.load(['甲', '乙']), source.load(['乙', '丙'])]);
    expect([first, second]).toEqual([null, null]);
    expect(call.mock.calls.map(([, payload]) => payload.texts)).toEqual([['甲', '乙'], ['丙']]);
    expect(source.tokens('乙')).toEqual([tokenFor('乙')]);
  });

  it('answers the failure and remembers nothing when the background fails', async () => {
    const error = { code: 'no-receiver', message: 'away' } as const;
    const source = new GlossSource((async () => ({ ok: false, error })) as CallBackground);
    expect(await source.load(['甲'])).toEqual(error);
    expect(source.tokens('甲')).toBeUndefined();
  });
});
