/**
 * Loads the dictionary inside the extension: fetched from the extension package once, on first use, and shared by
 * every later caller. For the background or an extension page; content scripts ask the background for glosses
 * rather than each holding an 11 MB dictionary.
 */
import { browser } from 'wxt/browser';
import { Dictionary } from './dictionary';
import { DICTIONARY_ASSET_PATH } from './dictionary-asset';

let loading: Promise<Dictionary> | undefined;

async function fetchDictionary(): Promise<Dictionary> {
  const response = await fetch(browser.runtime.getURL(`/${DICTIONARY_ASSET_PATH}`));
  if (!response.ok) throw new Error(`dictionary asset: HTTP ${response.status}`);
  return Dictionary.fromBuffer(await response.arrayBuffer());
}

/** The extension's dictionary, loaded on the first call; a failed load is retried by the next call. */
export function loadDictionary(): Promise<Dictionary> {
  if (!loading) {
    loading = fetchDictionary();
    loading.catch(() => (loading = undefined));
  }
  return loading;
}
