// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { failureMessage } from '../../../lib/core/translate/failure-message';
import { translateWithGoogle } from '../../../lib/background/translate/google';
import { fakeTranslation } from '../../../scripts/fake-translation-servers';
import { unreachable, useFakeServer } from './provider-harness';

const { state, fetchImpl } = useFakeServer('google', 'https://translation.googleapis.com');
const config = { key: 'AIza key/&?' };
const translate = (source: 'zh-Hans' | 'zh-Hant' = 'zh-Hans') =>
  translateWithGoogle(['你好', '世界'], { source, target: 'en' }, config, fetchImpl);

/** A Google API error body with `reason`. */
const googleError = (code: number, reason: string) => ({
  error: { code, message: reason, errors: [{ reason, domain: 'usageLimits' }] },
});

beforeEach(() => {
  state.urls.length = 0;
  state.server.requests.length = 0;
});

describe('Google Cloud Translation client', () => {
  it('translates as plain text with the key in a header, never in the URL, naming the script', async () => {
    expect(await translate('zh-Hant')).toEqual({ ok: true, texts: [fakeTranslation('你好'), fakeTranslation('世界')] });
    expect(state.urls).toEqual(['https://translation.googleapis.com/language/translate/v2']);
    expect(state.server.requests[0].headers['x-goog-api-key']).toBe('AIza key/&?');
    expect(state.server.requests[0].body).toEqual({ q: ['你好', '世界'], source: 'zh-TW', target: 'en', format: 'text' });
    await translate('zh-Hans');
    expect(state.server.requests[1].body).toMatchObject({ source: 'zh-CN' });
  });

  it.each([
    [400, googleError(400, 'keyInvalid'), 'auth', 'Google Cloud Translation refused the API key.'],
    [403, googleError(403, 'accessNotConfigured'), 'auth', 'Google Cloud Translation refused the API key.'],
    [403, googleError(403, 'dailyLimitExceeded'), 'quota', 'Your Google Cloud Translation quota is used up.'],
    [403, googleError(403, 'userRateLimitExceeded'), 'rate-limit', 'Google Cloud Translation is getting too many requests.'],
    [429, googleError(429, 'rateLimitExceeded'), 'rate-limit', 'Google Cloud Translation is getting too many requests.'],
    [400, googleError(400, 'badRequest'), 'unsupported', 'Google Cloud Translation cannot translate this text'],
    [500, googleError(500, 'backendError'), 'server', 'Google Cloud Translation had a problem on its side.'],
    [200, { data: { translations: [{ text: 'wrong field' }, { text: 'x' }] } }, 'bad-response', 'could not be read'],
    [200, 'garbage', 'bad-response', 'could not be read'],
  ] as const)('HTTP %i %j → %s', async (status, body, code, message) => {
    state.server.answerNext({ status, body });
    const result = await translate();
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(failureMessage(result.code, 'Google Cloud Translation')).toContain(message);
  });

  it('reports a service it cannot reach as a network failure', async () => {
    expect(await translateWithGoogle(['你好'], { source: 'zh-Hans', target: 'en' }, config, unreachable)).toMatchObject({
      ok: false,
      code: 'network',
    });
  });
});
