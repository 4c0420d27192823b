// @vitest-environment node
/**
 * Sync under faults, against a real pouchdb-server: error answers, timeouts, connections dropped before or after the
 * server acted, malformed JSON and hostile documents. Rounds fail with a code; the next round resumes from the
 * checkpoint; no change is lost or applied twice; invalid documents are quarantined and never reach local data.
 */
import { describe, expect, it } from 'vitest';
import { CouchClient, NO_ID, type CouchConfig } from '../../../lib/background/sync/couch-client';
import { sealDoc } from '../../../lib/background/sync/sealed-doc';
import { createMeta, META_ID } from '../../../lib/core/sync/meta';
import { fieldsOf } from '../../../lib/core/sync/record-codec';
import { HybridClock } from '../../../lib/core/sync/hlc';
import { emptyDoc, stampLocal } from '../../../lib/core/sync/sync-doc';
import { device, faultyFetch, freshDatabase, unlock, useTargets, type Fault } from './couch-harness';
import { annotation } from './records';
import type { SyncKeys } from '../../../lib/core/sync/crypto';

const PASSPHRASE = 'faults passphrase';

/** A device A that has pushed `count` annotations. */
async function seeded(config: CouchConfig, keys: SyncKeys, count: number) {
  const a = device('A', config, keys);
  const records = Array.from({ length: count }, (_, i) => annotation(`第${i}句`, { note: `note ${i}` }));
  for (const record of records) await a.store.write('annotation', record.id, record);
  await a.engine.round();
  return { a, records };
}

/**
 * A `fetch` that sends every request to the server and hands the JSON answers of `GET …/_changes` and
 * `POST …/_bulk_get` to `edit` (with the request's URL) to rewrite, as a broken or hostile server would answer.
 */
function rewritingFetch(edit: (url: URL, answer: { results: unknown[] }) => void): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const response = await fetch(input, init);
    if (!/\/(_changes|_bulk_get)$/.test(url.pathname)) return response;
    const answer = (await response.json()) as { results: unknown[] };
    edit(url, answer);
    return new Response(JSON.stringify(answer), { status: response.status });
  };
}

/** Fails the `nth` request matching `method` and `path` (a substring) with `fault`; passes all others. */
const nth =
  (method: string, path: string, n: number, fault: Fault) =>
  (m: string, p: string): Fault => {
    if (m !== method || !p.includes(path)) return 'pass';
    n--;
    return n === 0 ? (fault instanceof Response ? fault.clone() : fault) : 'pass';
  };

for (const target of useTargets()) {
  describe(`sync faults on ${target.name}`, () => {
    it('resumes pulling from its checkpoint after a 500 and a dropped connection, applying each change once', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const { records } = await seeded(config, keys, 20);
      let failures: (Fault | null)[] = [null, new Response('{"error":"boom"}', { status: 500 })];
      let changesCalls = 0;
      const fetchFn = faultyFetch((_method, path) => {
        if (!path.endsWith('/_changes')) return 'pass';
        const fault = failures[changesCalls++] ?? null;
        return fault === null ? 'pass' : fault instanceof Response ? fault.clone() : fault;
      });
      const b = device('B', config, keys, 1_700_000_000_000, { fetch: fetchFn });
      await expect(b.engine.round()).rejects.toMatchObject({ code: 'server-error' });
      // The first batch (7 rows: the meta document and 6 annotations) was applied and checkpointed.
      expect(b.store.all('annotation').size).toBe(6);
      failures = ['drop-after'];
      changesCalls = 0;
      await expect(b.engine.round()).rejects.toMatchObject({ code: 'unreachable' });
      failures = [];
      await b.engine.round();
      expect(b.store.all('annotation').size).toBe(20);
      const appliedKeys = b.store.applied.map((item) => item.key);
      expect(new Set(appliedKeys).size).toBe(appliedKeys.length);
      for (const record of records) expect(b.store.all('annotation').get(record.id)).toMatchObject({ note: record.note });
    });

    it('writes nothing twice when the connection drops after the server stored a batch', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const fetchFn = faultyFetch(nth('POST', '/_bulk_docs', 1, 'drop-after'));
      const a = device('A', config, keys, 1_700_000_000_000, { fetch: fetchFn });
      const records = Array.from({ length: 5 }, (_, i) => annotation(`句子${i}`));
      for (const record of records) await a.store.write('annotation', record.id, record);
      await expect(a.engine.round()).rejects.toMatchObject({ code: 'unreachable' });
      expect(await a.engine.waiting()).toBe(5);
      await a.engine.round();
      expect(await a.engine.waiting()).toBe(0);
      const admin = new CouchClient(config);
      const { results } = await admin.changes(0, 100);
      const docs = results.filter((row) => row.id.startsWith('r'));
      expect(docs).toHaveLength(5);
      for (const row of docs) expect(row.doc?._conflicts ?? []).toEqual([]);
      const b = device('B', config, keys);
      await b.engine.round();
      expect(b.store.applied).toHaveLength(5);
      for (const record of records) expect((await b.engine.recordInfo('annotation', record.id)).versions).toEqual([]);
    });

    it('keeps the stamps of a merge applied before a dropped write: the next round writes it as it was', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const { a, records } = await seeded(config, keys, 1);
      const record = records[0]!;
      // B's second write (the merge after its first met A's newer revision) never reaches the server.
      const b = device('B', config, keys, 1_700_000_000_000, {
        fetch: faultyFetch(nth('POST', '/_bulk_docs', 2, 'drop-before')),
      });
      await b.engine.round();
      a.advance(1_000);
      await a.store.write('annotation', record.id, { ...record, note: 'note from A' });
      await a.engine.round();
      b.advance(2_000);
      await b.store.write('annotation', record.id, { ...record, tags: ['from-B'] });
      await expect(b.engine.round()).rejects.toMatchObject({ code: 'unreachable' });
      // A's note was merged and applied on B before the write was lost.
      expect(await b.store.read('annotation', record.id)).toMatchObject({ note: 'note from A', tags: ['from-B'] });
      await b.engine.round();
      await a.engine.round();
      expect(await a.store.read('annotation', record.id)).toMatchObject({ note: 'note from A', tags: ['from-B'] });
      const fields = (await a.state.baseMany([{ kind: 'annotation', key: record.id }]))[0]!.doc.fields;
      // The note is still A's edit, not taken for an edit of B's.
      expect(fields.note![0]!.stamp.device).toBe('A');
      expect(fields.tags![0]!.stamp.device).toBe('B');
    });

    it('fails a round with a plain code on malformed JSON, a timeout, 401, 403, 409 and a deleted database', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      await seeded(config, keys, 3);
      const answers: Record<string, Fault> = {
        'bad-response': new Response('{"results": [', { status: 200 }),
        timeout: 'hang',
        unauthorized: new Response('{"error":"unauthorized","reason":"Name or password is incorrect."}', { status: 401 }),
        forbidden: new Response('{"error":"forbidden","reason":"no"}', { status: 403 }),
        'missing-database': new Response('{"error":"not_found","reason":"Database does not exist."}', { status: 404 }),
        conflict: new Response('{"error":"conflict","reason":"Document update conflict."}', { status: 409 }),
      };
      for (const [code, fault] of Object.entries(answers)) {
        const b = device('B', config, keys, 1_700_000_000_000, {
          fetch: faultyFetch(nth('GET', '/_changes', 1, fault)),
          timeoutMs: 500,
        });
        await expect(b.engine.round(), code).rejects.toMatchObject({ code });
        expect(b.store.all('annotation').size).toBe(0);
        await b.engine.round();
        expect(b.store.all('annotation').size).toBe(3);
      }
    });

    it('quarantines documents that do not open or validate, and applies the valid ones', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const { records } = await seeded(config, keys, 2);
      const admin = new CouchClient(config);
      const clock = new HybridClock('evil');
      const bad = annotation('坏的', { color: 'black' as never });
      const badDoc = stampLocal(emptyDoc('annotation', bad.id), null, fieldsOf('annotation', bad), clock, 1);
      const stranger = (await createMeta('another passphrase')).keys;
      const victim = annotation('受害者');
      const victimDoc = stampLocal(emptyDoc('annotation', victim.id), null, fieldsOf('annotation', victim), clock, 1);
      const moved = await sealDoc(keys, victimDoc, null);
      const elsewhere = await sealDoc(keys, stampLocal(emptyDoc('annotation', 'other'), null, { note: 'x' }, clock, 1), null);
      const hostile = [
        { _id: 'rnotours', hello: 'world' },
        { ...(await sealDoc(stranger, victimDoc, null)), _id: moved._id },
        await sealDoc(keys, badDoc, null),
        { ...moved, _id: elsewhere._id },
        { _id: 'rgarbage', nea: 1, data: { iv: 'AAAAAAAAAAAAAAAA', ct: '!!!' } },
      ];
      for (const doc of hostile) await admin.put(doc);
      const b = device('B', config, keys);
      const report = await b.engine.round();
      expect(report.quarantined).toBe(5);
      expect([...b.store.all('annotation').keys()].sort()).toEqual(records.map((r) => r.id).sort());
      const refused = await b.state.quarantined();
      expect(refused).toHaveLength(5);
      expect(refused.map((item) => item.reason).join('\n')).toMatch(/decrypted|another document id|invalid|not a document/);
    });

    it('quarantines malformed _changes rows and conflicting leaves, applies the rest of the page and moves past them', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const { records } = await seeded(config, keys, 2);
      let conflictedId = '';
      const fetchFn = rewritingFetch((url, answer) => {
        if (url.pathname.endsWith('/_bulk_get')) {
          // The leaf asked for comes back with a revision that is not a string.
          answer.results = answer.results.map((result) => {
            const { id } = result as { id: string };
            return { id, docs: [{ ok: { _id: id, _rev: 2 } }] };
          });
          return;
        }
        // The server holds the bad rows at the start of its feed only.
        if (url.searchParams.get('since') !== '0') return;
        const conflicted = (answer.results as { id: string; doc: object }[]).find((row) => row.id !== META_ID)!;
        conflicted.doc = { ...conflicted.doc, _conflicts: ['2-leaf'] };
        conflictedId = conflicted.id;
        const changes = [{ rev: '1-bad' }];
        answer.results.push(
          { id: 'rnull', changes, doc: null },
          { id: 'rtext', changes, doc: 'not a document' },
          { id: 'rconflicts', changes, doc: { _id: 'rconflicts', _rev: '1-bad', _conflicts: 'none' } },
          { id: 'rrev', changes, doc: { _id: 'rrev', _rev: 1 } },
          { changes, doc: {} },
          42,
          // A deletion without its document, as Cloudant sends one: nothing to apply, nothing wrong.
          { id: 'rgone', changes, deleted: true, doc: null },
        );
      });
      const b = device('B', config, keys, 1_700_000_000_000, { fetch: fetchFn });
      const report = await b.engine.round();
      expect([...b.store.all('annotation').keys()].sort()).toEqual(records.map((r) => r.id).sort());
      expect(report.quarantined).toBe(7);
      // The two rows without an id are one entry of the quarantine (same id, no revision).
      const refused = await b.state.quarantined();
      expect(refused.map((item) => item.id).sort()).toEqual([NO_ID, conflictedId, 'rconflicts', 'rnull', 'rrev', 'rtext'].sort());
      expect(refused.find((item) => item.id === 'rconflicts')?.reason).toBe('_conflicts is not a list of revisions');
      // The checkpoint moved past the bad rows: the next round reads nothing again.
      expect(await b.engine.round()).toMatchObject({ pulled: 0, quarantined: 0 });
    });

    it('quarantines a record the local store refuses, applies the rest of its batch, and keeps no base for it', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const { records } = await seeded(config, keys, 10);
      const b = device('B', config, keys);
      const refusedId = records[3]!.id;
      // The store's own checks (the repository validates again) refuse one record of the batch.
      const apply = b.store.applyRemoteMany.bind(b.store);
      b.store.applyRemoteMany = async (items) => {
        const outcomes = await apply(items.filter((item) => item.key !== refusedId));
        return items.map((item) => (item.key === refusedId ? { refused: 'refused by the test' } : outcomes.shift()!));
      };
      const report = await b.engine.round();
      expect(report.quarantined).toBe(1);
      expect(report.applied).toBe(records.length - 1);
      expect(b.store.all('annotation').has(refusedId)).toBe(false);
      expect((await b.state.quarantined()).map((item) => item.reason)).toEqual([
        'refused by local storage (refused by the test)',
      ]);
      expect(await b.state.baseMany([{ kind: 'annotation', key: refusedId }])).toEqual([null]);
    });
  });
}
