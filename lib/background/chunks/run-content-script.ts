/** Running one of the extension's own scripts in a tab's frame, in the content script's isolated world. */
import { browser } from 'wxt/browser';
import type { ChunkFile } from '../../extension/chunks';

/**
 * Runs `file` (a path from the extension's root) in frame `frameId` of tab `tabId` with the `scripting` API, in the
 * isolated world our content script shares (never the page's world). Rejects when the frame is gone.
 */
export async function runContentScript(tabId: number, frameId: number, file: ChunkFile): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
}
