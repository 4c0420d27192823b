import { describe, expect, it, vi } from 'vitest';
import { translateSentences, type SentenceDeps } from '../../../lib/content/translate/sentences';
import type { OnDeviceState, OnDeviceTranslator } from '../../../lib/content/translate/on-device';
import type { TranslationPlan } from '../../../lib/background/translate/translate-service';

const plan = (kind: TranslationPlan['kind']): TranslationPlan => ({
  kind,
  provider: kind === 'remote' ? 'DeepL' : kind === 'on-device' ? 'Chrome on-device' : '',
  source: 'zh-Hant',
});

/** Deps whose on-device translator reports `state` and translates to upper case… of the pinyin-free fake. */
function deps(state: OnDeviceState, fails = false) {
  const onDevice: OnDeviceTranslator = {
    state: vi.fn(async () => state),
    translate: vi.fn(async (texts: readonly string[], _source, onProgress?: (loaded: number) => void) => {
      onProgress?.(0.5);
      if (fails) throw new Error('NotAllowedError');
      return texts.map((t) => `on-device ${t}`);
    }),
  };
  const remote = vi.fn<SentenceDeps['remote']>(async (texts) => ({
    ok: true,
    value: { texts: texts.map((t) => `remote ${t}`), provider: 'DeepL' },
  }));
  return { onDevice, remote };
}

describe('translateSentences', () => {
  it('off: nothing is set up, nothing is asked', async () => {
    const d = deps('available');
    expect(await translateSentences(['你好'], plan('off'), d)).toEqual({ kind: 'not-set-up', reason: 'off' });
    expect(d.remote).not.toHaveBeenCalled();
    expect(d.onDevice.state).not.toHaveBeenCalled();
  });

  it('remote: asks the background with the planned script', async () => {
    const d = deps('absent');
    expect(await translateSentences(['你好'], plan('remote'), d)).toEqual({
      kind: 'done',
      texts: ['remote 你好'],
      provider: 'DeepL',
    });
    expect(d.remote).toHaveBeenCalledWith(['你好'], 'zh-Hant');
  });

  it('remote: passes a failure on with its code and message', async () => {
    const d = deps('absent');
    d.remote.mockResolvedValueOnce({ ok: false, error: { code: 'translate-auth', message: 'DeepL refused the API key.' } });
    expect(await translateSentences(['你好'], plan('remote'), d)).toEqual({
      kind: 'failed',
      provider: 'DeepL',
      code: 'translate-auth',
      message: 'DeepL refused the API key.',
    });
  });

  it.each([
    ['absent', 'on-device-absent'],
    ['unavailable', 'on-device-unavailable'],
  ] as const)('on-device %s: not set up (%s)', async (state, reason) => {
    expect(await translateSentences(['你好'], plan('on-device'), deps(state))).toEqual({ kind: 'not-set-up', reason });
  });

  it.each(['downloadable', 'downloading'] as const)(
    'on-device %s: waits for the reader to ask for the download',
    async (state) => {
      const d = deps(state);
      expect(await translateSentences(['你好'], plan('on-device'), d)).toEqual({
        kind: 'download',
        provider: 'Chrome on-device',
      });
      expect(d.onDevice.translate).not.toHaveBeenCalled();
    },
  );

  it('on-device, download allowed: translates, reporting progress', async () => {
    const d = deps('downloadable');
    const onProgress = vi.fn();
    expect(await translateSentences(['你好'], plan('on-device'), d, { allowDownload: true, onProgress })).toEqual({
      kind: 'done',
      texts: ['on-device 你好'],
      provider: 'Chrome on-device',
    });
    expect(onProgress).toHaveBeenCalledWith(0.5);
  });

  it('on-device refusing: a failure the reader can retry', async () => {
    expect(await translateSentences(['你好'], plan('on-device'), deps('available', true))).toMatchObject({
      kind: 'failed',
      code: 'on-device',
      message: expect.stringContaining('on-device translator could not translate this'),
    });
  });
});
