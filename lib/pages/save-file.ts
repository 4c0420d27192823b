/** Saving an exported file through the downloads API, from an extension page. */
import { browser } from 'wxt/browser';
import type { ExportedFile } from '../core/model/exchange';

/** How long the file's blob URL stays valid: the download has long read it by then. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves `file` into the reader's downloads under its suggested name (UTF-8). Resolves once the download has
 * started; rejects when the browser refuses it.
 */
export async function saveFile(file: ExportedFile): Promise<void> {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  try {
    await browser.downloads.download({ url, filename: file.filename, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
