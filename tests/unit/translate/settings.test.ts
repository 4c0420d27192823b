import { describe, expect, it } from 'vitest';
import { boundProvider } from '../../../lib/core/translate/providers';
import {
  cleanTranslationSettings,
  DEFAULT_TRANSLATION_SETTINGS,
  isServerAddress,
  parseTranslationSettings,
  type TranslationSettings,
} from '../../../lib/core/translate/settings';

const libre = (baseUrl: string): TranslationSettings => ({
  ...DEFAULT_TRANSLATION_SETTINGS,
  provider: 'libretranslate',
  libretranslate: { baseUrl, key: '' },
});

describe('translation settings', () => {
  it('start as the on-device translator, nothing remote', () => {
    expect(DEFAULT_TRANSLATION_SETTINGS.provider).toBe('on-device');
  });

  it('are cleaned trimmed, an unusable server address dropped, so another choice is not lost to it', () => {
    const typed: TranslationSettings = {
      provider: 'deepl',
      deepl: { key: ' k:fx ' },
      libretranslate: { baseUrl: 'not yet an address', key: ' ' },
      google: { key: '' },
    };
    expect(cleanTranslationSettings(typed)).toEqual({
      provider: 'deepl',
      deepl: { key: 'k:fx' },
      libretranslate: { baseUrl: '', key: '' },
      google: { key: '' },
    });
  });

  it.each<[string, unknown]>([
    ['an unknown service', { ...DEFAULT_TRANSLATION_SETTINGS, provider: 'bing' }],
    ['a server address that is not http(s)', libre('javascript:alert(1)')],
    ['a missing part', { provider: 'deepl', deepl: { key: 'k' } }],
    ['an extra field', { ...DEFAULT_TRANSLATION_SETTINGS, extra: 1 }],
    ['a huge key', { ...DEFAULT_TRANSLATION_SETTINGS, google: { key: 'k'.repeat(201) } }],
  ])('fall back to the defaults when stored with %s', (_, stored) => {
    expect(parseTranslationSettings(stored)).toEqual(DEFAULT_TRANSLATION_SETTINGS);
  });

  it.each([
    ['https://libre.example.org', true],
    ['http://127.0.0.1:5000/', true],
    ['http://localhost:5000', true],
    ['http://[::1]:5000', true],
    // Plain http to another computer would carry the text and the key in clear (issue: privacy).
    ['http://libre.example.org', false],
    ['http://192.168.1.20:5000', false],
    ['ftp://libre.example.org', false],
    ['https://user:pw@libre.example.org', false],
    ['https://libre.example.org/?q=1', false],
    ['libre.example.org', false],
  ])('server address %s → %s', (value, ok) => {
    expect(isServerAddress(value)).toBe(ok);
  });
});

describe('the host permission each service needs', () => {
  it.each<[string, TranslationSettings, string[]]>([
    [
      'DeepL Free',
      { ...DEFAULT_TRANSLATION_SETTINGS, provider: 'deepl', deepl: { key: 'k:fx' } },
      ['https://api-free.deepl.com/*'],
    ],
    ['DeepL Pro', { ...DEFAULT_TRANSLATION_SETTINGS, provider: 'deepl', deepl: { key: 'k' } }, ['https://api.deepl.com/*']],
    [
      'Google',
      { ...DEFAULT_TRANSLATION_SETTINGS, provider: 'google', google: { key: 'k' } },
      ['https://translation.googleapis.com/*'],
    ],
    ['LibreTranslate: its host only, any port', libre('http://127.0.0.1:5000/api/'), ['http://127.0.0.1/*']],
  ])('%s', (_, settings, origins) => {
    const id = settings.provider as 'deepl' | 'google' | 'libretranslate';
    expect(boundProvider(id, settings).origins()).toEqual(origins);
    expect(boundProvider(id, settings).isComplete()).toBe(true);
  });

  it('is not complete without its key or address', () => {
    expect(boundProvider('deepl', DEFAULT_TRANSLATION_SETTINGS).isComplete()).toBe(false);
    expect(boundProvider('libretranslate', libre('not an address')).isComplete()).toBe(false);
  });
});
