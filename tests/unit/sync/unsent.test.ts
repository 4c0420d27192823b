// @vitest-environment node
/**
 * A local change that cannot be written, against a real pouchdb-server: the server's copy of the record is one this
 * build cannot read (a newer version of ours wrote it). The change waits and is tried again each round, the round
 * says so, and the changes made after it still reach the server.
 */
import { describe, expect, it } from 'vitest';
import { CouchClient } from '../../../lib/background/sync/couch-client';
import { documentId, seal } from '../../../lib/core/sync/crypto';
import type { Annotation } from '../../../lib/core/model/annotation';
import { device, freshDatabase, unlock, useTargets } from './couch-harness';
import { annotation } from './records';

const PASSPHRASE = 'unsent passphrase';
const LATER = 20;

for (const target of useTargets()) {
  describe(`a change that cannot be written, on ${target.name}`, () => {
    it('waits and is tried again, without holding back the changes made after it', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const a = device('A', config, keys);
      const stuck = annotation('不能写的');
      await a.store.write('annotation', stuck.id, stuck);
      await a.engine.round();

      // A newer version of ours rewrites the record on the server in a format this build does not read.
      const admin = new CouchClient(config);
      const id = await documentId(keys, 'annotation', stuck.id);
      const current = await admin.get(id);
      const newer = { format: 2, kind: 'annotation', key: stuck.id, fields: {} };
      await admin.put({ _id: id, _rev: current!._rev, nea: 1, data: await seal(keys, id, newer) });

      a.advance(1_000);
      await a.store.write('annotation', stuck.id, { ...stuck, note: 'edited here', updatedAt: stuck.updatedAt + 1_000 });
      const later = Array.from({ length: LATER }, (_, i) => annotation(`后来的第${i}句`));
      for (const record of later) await a.store.write('annotation', record.id, record);
      const first = await a.engine.round();
      expect(first.waiting).toBe(1);

      const b = device('B', config, keys);
      await b.engine.round();
      expect(later.filter((record) => b.store.all('annotation').has(record.id))).toHaveLength(LATER);

      // Still waiting next round (not dropped), and written once the server's copy can be read again.
      expect((await a.engine.round()).waiting).toBe(1);
      const again = await admin.get(id);
      await admin.put({ _id: id, _rev: again!._rev, _deleted: true });
      expect((await a.engine.round()).waiting).toBe(0);
      await b.engine.round();
      expect(((await b.store.read('annotation', stuck.id)) as Annotation | null)?.note).toBe('edited here');
    });
  });
}
