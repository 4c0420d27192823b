import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TRANSLATION_SETTINGS } from '../../../lib/core/translate/settings';
import { batches, MAX_TEXTS_PER_REQUEST, TEST_SENTENCE } from '../../../lib/background/translate/translate-service';
import type { AnnotationDb } from '../../../storage/db';
import { fakeTranslation } from '../../../scripts/fake-translation-servers';
import { DEEPL_SETTINGS, serviceWith } from './service-fixtures';

const opened: AnnotationDb[] = [];
const make = (...args: Parameters<typeof serviceWith>) => {
  const made = serviceWith(...args);
  opened.push(made.db);
  return made;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe('plan', () => {
  it('names the chosen service (never its key) and the script of the text', async () => {
    const { service } = make(DEEPL_SETTINGS);
    const plan = await service.plan('以後很長');
    expect(plan).toEqual({ kind: 'remote', provider: 'DeepL', source: 'zh-Hant' });
    expect(JSON.stringify(plan)).not.toContain('secret-key');
    expect((await service.plan('以后很长')).source).toBe('zh-Hans');
  });

  it('tells the script from the word index alone, so paragraph translation never loads the entries', async () => {
    const { service, dictionary } = make(DEEPL_SETTINGS);
    await service.plan('以後很長');
    expect(dictionary).not.toHaveBeenCalled();
    await service.words('以後');
    expect(dictionary).toHaveBeenCalledOnce();
  });

  it('says on-device or off when no remote service is chosen', async () => {
    expect(await make(DEFAULT_TRANSLATION_SETTINGS).service.plan('你好')).toMatchObject({
      kind: 'on-device',
      provider: 'Chrome on-device',
    });
    expect(await make({ ...DEFAULT_TRANSLATION_SETTINGS, provider: 'off' }).service.plan('你好')).toMatchObject({ kind: 'off' });
  });
});

describe('translate', () => {
  it('translates with the chosen service, then answers the same texts from the cache', async () => {
    const { service, fetchMock } = make(DEEPL_SETTINGS);
    expect(await service.translate(['研究', '生命'], 'zh-Hans')).toEqual({
      texts: [fakeTranslation('研究'), fakeTranslation('生命')],
      provider: 'DeepL',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await service.translate(['生命', '人民', '研究'], 'zh-Hans')).toEqual({
      texts: [fakeTranslation('生命'), fakeTranslation('人民'), fakeTranslation('研究')],
      provider: 'DeepL',
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(JSON.parse(String(fetchMock.mock.calls[1][1].body)).text).toEqual(['人民']);
  });

  it('sends a repeated text once, and long lists in batches', async () => {
    const { service, fetchMock } = make(DEEPL_SETTINGS);
    const texts = Array.from({ length: MAX_TEXTS_PER_REQUEST + 1 }, (_, i) => `第${i}段`);
    const answer = await service.translate([...texts, texts[0]], 'zh-Hans');
    expect(answer.texts.at(-1)).toBe(fakeTranslation(texts[0]));
    expect(fetchMock.mock.calls.map(([, init]) => JSON.parse(String(init.body)).text.length)).toEqual([MAX_TEXTS_PER_REQUEST, 1]);
  });

  it.each([
    ['off', { ...DEFAULT_TRANSLATION_SETTINGS, provider: 'off' as const }],
    ['on-device', DEFAULT_TRANSLATION_SETTINGS],
    ['DeepL without a key', { ...DEEPL_SETTINGS, deepl: { key: ' ' } }],
  ])('refuses as not set up when the settings say %s, sending nothing', async (_, settings) => {
    const { service, fetchMock } = make(settings);
    await expect(service.translate(['你好'], 'zh-Hans')).rejects.toMatchObject({
      errorCode: 'translate-not-set-up',
      message: expect.stringContaining('No translation service is set up'),
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses without the host permission, sending nothing', async () => {
    const { service, fetchMock, hasPermission } = make(DEEPL_SETTINGS, false);
    await expect(service.translate(['你好'], 'zh-Hans')).rejects.toMatchObject({
      errorCode: 'translate-no-permission',
      message:
        'The annotator is not allowed to contact DeepL yet. Open the translation settings and choose Save and allow access.',
    });
    expect(hasPermission).toHaveBeenCalledWith(['https://api-free.deepl.com/*']);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('fails with the service failure as a translate code and message, caching nothing', async () => {
    const { service, http, fetchMock } = make(DEEPL_SETTINGS);
    http.status = 456;
    await expect(service.translate(['你好'], 'zh-Hans')).rejects.toMatchObject({
      errorCode: 'translate-quota',
      message: expect.stringContaining('Your DeepL quota is used up.'),
    });
    http.status = 200;
    await service.translate(['你好'], 'zh-Hans');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('test and cache clearing (the options page)', () => {
  it('test translates the test sentence past the cache', async () => {
    const { service, fetchMock } = make(DEEPL_SETTINGS);
    await service.translate([TEST_SENTENCE], 'zh-Hans');
    expect(await service.test()).toEqual({ texts: [fakeTranslation(TEST_SENTENCE)], provider: 'DeepL' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("a failed test ends with the service's own words", async () => {
    const { service, http } = make(DEEPL_SETTINGS);
    http.status = 403;
    await expect(service.test()).rejects.toMatchObject({
      errorCode: 'translate-auth',
      message: 'DeepL refused the API key. Check the key in the translation settings. (HTTP 403: status 403)',
    });
  });

  it('clears the cache', async () => {
    const { service, fetchMock } = make(DEEPL_SETTINGS);
    await service.translate(['你好', '世界'], 'zh-Hans');
    expect(await service.clearCache()).toBe(2);
    await service.translate(['你好'], 'zh-Hans');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('batches', () => {
  it('cuts at the text count and the character budget, keeping order', () => {
    expect(batches([])).toEqual([]);
    const long = '字'.repeat(15_000);
    expect(batches([long, long, 'a'])).toEqual([[long], [long, 'a']]);
  });
});
