import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDictionary } from '../../../scripts/dictionary/build-dictionary';
import { FIXTURE_CEDICT } from './fixture-dictionary';

const asset = buildDictionary(FIXTURE_CEDICT, 'test').asset;
const fetchMock = vi.fn<typeof fetch>();

/** A fresh copy of the loader module, so its once-only state starts empty in each test. */
async function freshLoader() {
  vi.resetModules();
  return import('../../../lib/gloss/load-dictionary');
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('loadDictionary', () => {
  it('fetches the asset from the extension once and shares the dictionary', async () => {
    fetchMock.mockImplementation(async () => new Response(asset.slice()));
    const { loadDictionary } = await freshLoader();
    const [first, second] = await Promise.all([loadDictionary(), loadDictionary()]);
    expect(first).toBe(second);
    expect(await loadDictionary()).toBe(first);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0][0])).toMatch(/\/dictionary\/cc-cedict\.bin$/);
    expect(first.lookup('杠桿')[0]?.senses).toEqual(['lever']);
  });

  it('reports a failed fetch and tries again on the next call', async () => {
    fetchMock.mockResolvedValueOnce(new Response('missing', { status: 404 }));
    fetchMock.mockImplementation(async () => new Response(asset.slice()));
    const { loadDictionary } = await freshLoader();
    await expect(loadDictionary()).rejects.toThrow(/HTTP 404/);
    await expect(loadDictionary()).resolves.toBeDefined();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
