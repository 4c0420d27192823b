/**
 * Every record of one object store of the extension's IndexedDB. Self-contained, to be run inside an extension
 * context by a test driver's `evaluate` (Playwright's worker or page, puppeteer's page): the extension's pages and its
 * background share one origin, so one database.
 */
export async function readObjectStore(name: string): Promise<unknown[]> {
  const open = indexedDB.open('netease-annotator');
  const db: IDBDatabase = await new Promise((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = rej)));
  const all: unknown[] = await new Promise((res, rej) => {
    const req = db.transaction(name).objectStore(name).getAll();
    req.onsuccess = () => res(req.result);
    req.onerror = rej;
  });
  db.close();
  return all;
}
