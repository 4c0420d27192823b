/** What the browser tests read back: the clipboard as a reader would paste it, and the extension's own data. */
import type { BrowserContext, Worker } from 'playwright-core';
import { readObjectStore } from '../../scripts/read-object-store';

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

/** Every record of one object store of the extension's IndexedDB, read in its service worker straight from the database. */
function storedRecords<T>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(readObjectStore, store) as Promise<T[]>;
}

/** Every stored annotation record, read in the extension's service worker straight from its IndexedDB. */
export const storedAnnotations = (worker: Worker) =>
  storedRecords<{
    id: string;
    articleId: string;
    target: unknown;
    note: string;
    tags: string[];
    createdAt: number;
    deletedAt: number | null;
  }>(worker, 'annotations');

/**
 * Every word the reader marked known (the gloss leaves them bare), with when it was first marked, as stored: what an
 * import must restore, checked where the extension keeps it rather than through the page that reported it.
 */
export const storedKnownWords = (worker: Worker) => storedRecords<{ word: string; addedAt: number }>(worker, 'knownWords');

/** The reader's word list as stored. */
export const storedWordList = (worker: Worker) =>
  storedRecords<{ word: string; pinyin: string; sense: string; sentence: string; articleId: string }>(worker, 'wordList');

/** The gloss settings the extension stored in its settings store (`undefined` before the reader first used the gloss). */
export async function storedGlossSettings(worker: Worker): Promise<{ on: boolean; mode: string } | undefined> {
  const settings = await storedRecords<{ name: string; value: { on: boolean; mode: string } }>(worker, 'settings');
  return settings.find((s) => s.name === 'gloss')?.value;
}

/** The change feed as stored: one entry per record with its latest revision. */
export const storedChanges = (worker: Worker) =>
  storedRecords<{ seq: number; kind: string; key: string; rev: number; deleted: boolean }>(worker, 'feed');
