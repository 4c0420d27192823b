// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { deeplOrigin, translateWithDeepl } from '../../../lib/background/translate/deepl';
import { failureMessage } from '../../../lib/core/translate/failure-message';
import { fakeTranslation } from '../../../scripts/fake-translation-servers';
import { unreachable, useFakeServer } from './provider-harness';

const { state, fetchImpl } = useFakeServer('deepl', 'https://api-free.deepl.com');
const config = { key: 'abc-123:fx' };
const pair = { source: 'zh-Hant', target: 'en' } as const;
const translate = (texts = ['你好', '世界']) => translateWithDeepl(texts, pair, config, fetchImpl);

beforeEach(() => {
  state.urls.length = 0;
  state.server.requests.length = 0;
});

describe('DeepL client', () => {
  it('translates every text in one request to the free API, the key in the Authorization header', async () => {
    expect(await translate()).toEqual({ ok: true, texts: [fakeTranslation('你好'), fakeTranslation('世界')] });
    expect(state.urls).toEqual(['https://api-free.deepl.com/v2/translate']);
    const [request] = state.server.requests;
    expect(request.headers.authorization).toBe('DeepL-Auth-Key abc-123:fx');
    expect(request.body).toEqual({ text: ['你好', '世界'], source_lang: 'ZH', target_lang: 'EN-US' });
  });

  it('uses the Pro API for keys without :fx', () => {
    expect(deeplOrigin('abc-123')).toBe('https://api.deepl.com');
    expect(deeplOrigin(' abc-123:fx ')).toBe('https://api-free.deepl.com');
  });

  it.each([
    [403, { message: 'Wrong key' }, 'auth', 'DeepL refused the API key. Check the key in the translation settings.'],
    [456, { message: 'Quota exceeded' }, 'quota', 'Your DeepL quota is used up.'],
    [429, { message: 'Too many requests' }, 'rate-limit', 'DeepL is getting too many requests. Wait a moment, then try again.'],
    [500, 'Internal Server Error', 'server', 'DeepL had a problem on its side. Try again in a moment.'],
    [503, { message: 'Unavailable' }, 'server', 'DeepL had a problem on its side.'],
    [413, { message: 'Request Entity Too Large' }, 'unsupported', 'DeepL cannot translate this text from Chinese into English'],
    [200, '<html>not json</html>', 'bad-response', 'DeepL sent an answer that could not be read.'],
    [200, { translations: [{ text: 'only one' }] }, 'bad-response', 'DeepL sent an answer that could not be read.'],
    [200, { translations: 'nope' }, 'bad-response', 'DeepL sent an answer that could not be read.'],
  ] as const)('HTTP %i %j → %s, told as "%s"', async (status, body, code, message) => {
    state.server.answerNext({ status, body });
    const result = await translate();
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(failureMessage(result.code, 'DeepL')).toContain(message);
  });

  it('keeps what the service said, for the settings page', async () => {
    state.server.answerNext({ status: 456, body: { message: 'Quota exceeded' } });
    expect(await translate()).toEqual({ ok: false, code: 'quota', detail: 'HTTP 456: Quota exceeded' });
  });

  it('reports a service it cannot reach as a network failure', async () => {
    const result = await translateWithDeepl(['你好'], pair, config, unreachable);
    expect(result).toMatchObject({ ok: false, code: 'network' });
    if (!result.ok)
      expect(failureMessage(result.code, 'DeepL')).toBe(
        'DeepL could not be reached. Check your connection (and the server address), then try again.',
      );
  });
});
