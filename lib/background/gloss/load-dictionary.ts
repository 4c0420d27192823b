/**
 * Loads the dictionary inside the extension, each part fetched from the extension package once, on first use, and
 * shared by every later caller: the word index for the gloss, and with the entries for the translation popover. For
 * the background or an extension page; content scripts ask the background rather than each holding a dictionary.
 */
import { browser } from 'wxt/browser';
import { Dictionary } from '../../core/gloss/dictionary';
import { ENTRIES_ASSET_PATH, WORD_INDEX_ASSET_PATH } from '../../core/gloss/dictionary-asset';
import { WordIndex } from '../../core/gloss/word-index';

/** A loader that runs `load` on the first call and shares its answer; a failed load is retried by the next call. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      loading = load();
      loading.catch(() => (loading = undefined));
    }
    return loading;
  };
}

async function fetchAsset(path: typeof WORD_INDEX_ASSET_PATH | typeof ENTRIES_ASSET_PATH): Promise<ArrayBuffer> {
  const response = await fetch(browser.runtime.getURL(`/${path}`));
  if (!response.ok) throw new Error(`dictionary asset ${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Runs `load`, recording how long it took as the performance measure `name` (read by `npm run bench` from the
 * background: how long the first use waits).
 */
async function measured<T>(name: string, load: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await load();
  performance.measure(name, { start });
  return value;
}

/** The dictionary's word index (all the gloss needs), loaded on the first call. */
export const loadWordIndex = once(() =>
  measured('nea:word-index-ready', async () => WordIndex.fromBuffer(await fetchAsset(WORD_INDEX_ASSET_PATH))),
);

/** The whole dictionary (the word index and every entry), loaded on the first call. */
export const loadDictionary = once(() =>
  measured('nea:dictionary-ready', async () => {
    const [words, entries] = await Promise.all([loadWordIndex(), fetchAsset(ENTRIES_ASSET_PATH)]);
    return Dictionary.fromBuffers(words, entries);
  }),
);
