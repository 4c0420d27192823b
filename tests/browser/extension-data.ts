/** What the browser tests read back: the clipboard as a reader would paste it, and the extension's own database. */
import type { BrowserContext, Worker } from 'playwright-core';

/** What is on the clipboard, pasted into a blank page. */
export async function clipboardText(context: BrowserContext): Promise<string> {
  const scratch = await context.newPage();
  await scratch.setContent('<textarea aria-label="paste here"></textarea>');
  const area = scratch.getByRole('textbox', { name: 'paste here' });
  await area.focus();
  await scratch.keyboard.press('Control+V');
  const text = await area.inputValue();
  await scratch.close();
  return text;
}

/** Every stored annotation record, read in the extension's service worker straight from its IndexedDB. */
export function storedAnnotations(
  worker: Worker,
): Promise<{ articleId: string; target: unknown; createdAt: number; deletedAt: number | null }[]> {
  return worker.evaluate(async () => {
    const open = indexedDB.open('netease-annotator');
    const db: IDBDatabase = await new Promise((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = rej)));
    const all: { articleId: string; target: unknown; createdAt: number; deletedAt: number | null }[] = await new Promise(
      (res) => {
        const req = db.transaction('annotations').objectStore('annotations').getAll();
        req.onsuccess = () => res(req.result);
      },
    );
    db.close();
    return all;
  });
}
