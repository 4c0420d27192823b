/** Runs a provider client against a local server speaking its protocol, with `fetch` pointed there. */
import { afterAll, beforeAll } from 'vitest';
import { startFakeTranslationServer, type FakeTranslationServer } from '../../../scripts/fake-translation-servers';
import type { FetchLike } from '../../../lib/core/translate/http';

/**
 * Starts a fake `protocol` server for the test file. `fetch` sends what the client addresses to `origin` to the local
 * server instead (loopback only), and records the URLs the client asked for.
 */
export function useFakeServer(protocol: Parameters<typeof startFakeTranslationServer>[0], origin: string) {
  const state = { server: undefined as unknown as FakeTranslationServer, urls: [] as string[] };
  beforeAll(async () => {
    state.server = await startFakeTranslationServer(protocol);
  });
  afterAll(() => state.server.close());
  const fetchImpl: FetchLike = (url, init) => {
    state.urls.push(url);
    if (!url.startsWith(origin)) throw new Error(`unexpected address ${url}`);
    return fetch(state.server.origin + url.slice(origin.length), init);
  };
  return { state, fetchImpl };
}

/** A fetch to a loopback port nothing listens on: the service cannot be reached. */
export const unreachable: FetchLike = (_url, init) => fetch('http://127.0.0.1:9/', init);
