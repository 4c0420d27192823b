import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDictionary } from '../../../scripts/dictionary/build-dictionary';
import { FIXTURE_CEDICT } from './fixture-dictionary';

const assets = buildDictionary(FIXTURE_CEDICT, 'test');
const fetchMock = vi.fn<typeof fetch>();

/** Answers each asset's URL with its bytes, as the extension package does. */
async function serveAssets(input: RequestInfo | URL): Promise<Response> {
  const url = String(input);
  if (url.endsWith('/dictionary/cc-cedict-words.bin')) return new Response(assets.words.slice());
  if (url.endsWith('/dictionary/cc-cedict-entries.bin')) return new Response(assets.entries.slice());
  return new Response('missing', { status: 404 });
}

const fetchedUrls = () => fetchMock.mock.calls.map(([url]) => String(url).replace(/^.*\/dictionary\//, ''));

/** A fresh copy of the loader module, so its once-only state starts empty in each test. */
async function freshLoader() {
  vi.resetModules();
  return import('../../../lib/background/gloss/load-dictionary');
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('loadWordIndex and loadDictionary', () => {
  it('fetch only the word index for the gloss, once, and share it', async () => {
    fetchMock.mockImplementation(serveAssets);
    const { loadWordIndex } = await freshLoader();
    const [first, second] = await Promise.all([loadWordIndex(), loadWordIndex()]);
    expect(first).toBe(second);
    expect(await loadWordIndex()).toBe(first);
    expect(fetchedUrls()).toEqual(['cc-cedict-words.bin']);
    expect(first.glossLine('杠桿')).toEqual({ pinyin: 'gànggǎn', gloss: 'lever' });
  });

  it('fetch the entries for the whole dictionary, over the same word index', async () => {
    fetchMock.mockImplementation(serveAssets);
    const { loadWordIndex, loadDictionary } = await freshLoader();
    const words = await loadWordIndex();
    const [dict, again] = await Promise.all([loadDictionary(), loadDictionary()]);
    expect(dict).toBe(again);
    expect(dict.words).toBe(words);
    expect(fetchedUrls()).toEqual(['cc-cedict-words.bin', 'cc-cedict-entries.bin']);
    expect(dict.lookup('杠桿')[0]?.senses).toEqual(['lever']);
  });

  it('report a failed fetch and try again on the next call', async () => {
    fetchMock.mockResolvedValueOnce(new Response('missing', { status: 404 }));
    fetchMock.mockImplementation(serveAssets);
    const { loadDictionary } = await freshLoader();
    await expect(loadDictionary()).rejects.toThrow(/HTTP 404/);
    await expect(loadDictionary()).resolves.toBeDefined();
  });
});
