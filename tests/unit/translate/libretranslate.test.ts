// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { failureMessage } from '../../../lib/core/translate/failure-message';
import { translateWithLibreTranslate } from '../../../lib/background/translate/libretranslate';
import { fakeTranslation } from '../../../scripts/fake-translation-servers';
import { unreachable, useFakeServer } from './provider-harness';

const BASE = 'https://libre.example.org/api';
const { state, fetchImpl } = useFakeServer('libretranslate', BASE);
const translate = (texts = ['你好'], key = '', source: 'zh-Hans' | 'zh-Hant' = 'zh-Hans') =>
  translateWithLibreTranslate(texts, { source, target: 'en' }, { baseUrl: `${BASE}//`, key }, fetchImpl);

/** A `/languages` answer listing only `codes`, each translating into English. */
const languages = (...codes: string[]) => ({ status: 200, body: codes.map((code) => ({ code, name: code, targets: ['en'] })) });

beforeEach(() => {
  state.urls.length = 0;
  state.server.requests.length = 0;
});

describe('LibreTranslate client', () => {
  it('asks the server how it spells Chinese, then translates every text in one request', async () => {
    expect(await translate(['你好', '世界'], '', 'zh-Hant')).toEqual({
      ok: true,
      texts: [fakeTranslation('你好'), fakeTranslation('世界')],
    });
    expect(state.urls).toEqual([`${BASE}/languages`, `${BASE}/translate`]);
    expect(state.server.requests[1].body).toEqual({ q: ['你好', '世界'], source: 'zh-Hant', target: 'en', format: 'text' });
  });

  it('sends the API key only when there is one', async () => {
    await translate(['你好'], ' secret ');
    expect(state.server.requests[1].body).toMatchObject({ api_key: 'secret' });
  });

  it.each([
    [['zh', 'zt'], 'zh-Hant', 'zt'],
    [['zh'], 'zh-Hant', 'zh'],
    [['zh', 'zt'], 'zh-Hans', 'zh'],
  ] as const)('with languages %j uses %s → %s', async (codes, source, expected) => {
    state.server.answerNext(languages(...codes));
    await translate(['你好'], '', source);
    expect(state.server.requests[1].body).toMatchObject({ source: expected });
  });

  it('refuses as unsupported when the server has no Chinese to English model, sending no text', async () => {
    state.server.answerNext(languages('fr', 'de'));
    const result = await translate();
    expect(result).toMatchObject({ ok: false, code: 'unsupported' });
    if (!result.ok)
      expect(failureMessage(result.code, 'LibreTranslate')).toContain('cannot translate this text from Chinese into English');
    expect(state.urls).toEqual([`${BASE}/languages`]);
  });

  it.each([
    [403, { error: 'Invalid API key' }, 'auth', 'LibreTranslate refused the API key.'],
    [429, { error: 'Slowdown: 30 per 1 minute' }, 'rate-limit', 'LibreTranslate is getting too many requests.'],
    [400, { error: 'zh is not supported' }, 'unsupported', 'LibreTranslate cannot translate this text'],
    [500, { error: 'Cannot translate text' }, 'server', 'LibreTranslate had a problem on its side.'],
    [200, { translatedText: 42 }, 'bad-response', 'LibreTranslate sent an answer that could not be read.'],
    [200, '{"translatedText": [', 'bad-response', 'LibreTranslate sent an answer that could not be read.'],
  ] as const)('translate answering HTTP %i %j → %s', async (status, body, code, message) => {
    state.server.answerNext(languages('zh'), { status, body });
    const result = await translate();
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(failureMessage(result.code, 'LibreTranslate')).toContain(message);
  });

  it('keeps what the server said, for the settings page', async () => {
    state.server.answerNext(languages('zh'), { status: 403, body: { error: 'Invalid API key' } });
    expect(await translate()).toEqual({ ok: false, code: 'auth', detail: 'HTTP 403: Invalid API key' });
  });

  it('reads a wrong address (a web page, a 404) as an unreadable answer', async () => {
    state.server.answerNext({ status: 404, body: '<h1>Not Found</h1>' });
    expect(await translate()).toMatchObject({ ok: false, code: 'bad-response', detail: 'HTTP 404' });
  });

  it('reports a server it cannot reach as a network failure', async () => {
    const result = await translateWithLibreTranslate(
      ['你好'],
      { source: 'zh-Hans', target: 'en' },
      { baseUrl: BASE, key: '' },
      unreachable,
    );
    expect(result).toMatchObject({ ok: false, code: 'network' });
  });
});
