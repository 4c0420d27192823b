import 'fake-indexeddb/auto';
import Dexie, { type Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bulkGetSparse } from '../../../storage/sparse-read';

interface Row {
  id: string;
  n: number;
}

let db: Dexie;
let table: Table<Row, string>;

beforeEach(async () => {
  db = new Dexie(`sparse-${crypto.randomUUID()}`);
  db.version(1).stores({ rows: 'id' });
  table = db.table('rows');
  await table.bulkPut(Array.from({ length: 50 }, (_, n) => ({ id: `k${n}`, n })));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** 100 keys asked for in a shuffled order: every fifth stored, the rest not. */
const asked = Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? `k${i / 5}` : `missing${i}`)).reverse();

describe('bulkGetSparse', () => {
  it('answers what bulkGet answers, in the order asked, fetching only the stored keys from a small table', async () => {
    const expected = await table.bulkGet(asked);
    const bulkGet = vi.spyOn(table, 'bulkGet');
    expect(await bulkGetSparse(table, asked)).toEqual(expected);
    expect(bulkGet).toHaveBeenCalledTimes(1);
    expect(bulkGet.mock.calls[0]![0]).toHaveLength(20);
  });

  it('reads key by key from a table much larger than the batch, and for a small batch', async () => {
    await table.bulkPut(Array.from({ length: 2_000 }, (_, n) => ({ id: `big${n}`, n })));
    const bulkGet = vi.spyOn(table, 'bulkGet');
    const expected = asked.map((id) => (id.startsWith('k') ? { id, n: Number(id.slice(1)) } : undefined));
    expect(await bulkGetSparse(table, asked)).toEqual(expected);
    expect(await bulkGetSparse(table, ['k3', 'nope'])).toEqual([{ id: 'k3', n: 3 }, undefined]);
    expect(bulkGet.mock.calls.map(([keys]) => keys.length)).toEqual([100, 2]);
  });
});
