/**
 * Reading a large batch of records of which few may be stored. A first sync asks, a thousand at a time, for records,
 * sync bases and feed entries that are not there yet, and IndexedDB's cost is per request rather than per byte (about
 * a tenth of a millisecond each in Chromium): where a table holds not many more keys than are asked for, its keys are
 * read in one request and only the stored ones are fetched.
 */
import type { Table } from 'dexie';

/** Batches smaller than this are read key by key (the table's keys would cost more than they save). */
const MIN_BATCH = 64;
/** Tables with more keys than this many times the batch are read key by key. */
const MAX_KEYS_PER_ASKED = 16;

/** `table.bulkGet(keys)`, in fewer requests when most keys are absent and the table is not much larger than `keys`. */
export async function bulkGetSparse<T, K extends string>(table: Table<T, K>, keys: readonly K[]): Promise<(T | undefined)[]> {
  if (keys.length < MIN_BATCH || (await table.count()) > keys.length * MAX_KEYS_PER_ASKED) return table.bulkGet([...keys]);
  const stored = new Set<K>(await table.toCollection().primaryKeys());
  const present = keys.filter((key) => stored.has(key));
  const found = await table.bulkGet(present);
  const byKey = new Map(present.map((key, i) => [key, found[i]]));
  return keys.map((key) => byKey.get(key));
}
