import { describe, expect, it, vi } from 'vitest';
import { onDeviceTranslator } from '../../../lib/content/translate/on-device';

/** A window whose `Translator` answers `availability` and translates by tagging the text. */
function windowWith(availability: () => Promise<string>) {
  const created: { sourceLanguage: string; targetLanguage: string }[] = [];
  const Translator = {
    availability: vi.fn(availability),
    create: vi.fn(async (options: { sourceLanguage: string; targetLanguage: string; monitor?: (m: EventTarget) => void }) => {
      created.push({ sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage });
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded: 1 }));
      return { translate: async (text: string) => `[${options.sourceLanguage}] ${text}` };
    }),
  };
  return { win: { Translator } as unknown as Window, Translator, created };
}

describe('onDeviceTranslator', () => {
  it('is absent from a window without Translator (Firefox, insecure pages, builds without it)', async () => {
    const translator = onDeviceTranslator({} as Window);
    expect(await translator.state('zh-Hans')).toBe('absent');
    await expect(translator.translate(['你好'], 'zh-Hans')).rejects.toThrow();
  });

  it.each(['unavailable', 'downloadable', 'downloading', 'available'])('passes %s through', async (answer) => {
    expect(await onDeviceTranslator(windowWith(async () => answer).win).state('zh-Hans')).toBe(answer);
  });

  it('reads an unknown answer or a refusal as unavailable', async () => {
    expect(await onDeviceTranslator(windowWith(async () => 'maybe').win).state('zh-Hans')).toBe('unavailable');
    expect(await onDeviceTranslator(windowWith(() => Promise.reject(new Error('no'))).win).state('zh-Hans')).toBe('unavailable');
  });

  it("asks for Chrome's language tags and reports the download's progress", async () => {
    const { win, Translator, created } = windowWith(async () => 'available');
    const onProgress = vi.fn();
    expect(await onDeviceTranslator(win).translate(['你好', '世界'], 'zh-Hant', onProgress)).toEqual([
      '[zh-Hant] 你好',
      '[zh-Hant] 世界',
    ]);
    await onDeviceTranslator(win).state('zh-Hans');
    expect(Translator.availability).toHaveBeenCalledWith({ sourceLanguage: 'zh', targetLanguage: 'en' });
    expect(created).toEqual([{ sourceLanguage: 'zh-Hant', targetLanguage: 'en' }]);
    expect(onProgress).toHaveBeenCalledWith(1);
  });
});
