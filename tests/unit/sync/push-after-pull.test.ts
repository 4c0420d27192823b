// @vitest-environment node
/**
 * The push that follows a pull in one round: records the pull just stored, which the server already holds, are not
 * read and merged again; a record edited here after the pull stored it still goes to the server in that round.
 */
import { describe, expect, it } from 'vitest';
import type { RemoteRecord } from '../../../lib/background/sync/sync-store';
import { device, freshDatabase, unlock, useTargets, type Target } from './couch-harness';
import { annotation, article, ARTICLE_ID } from './records';

const PASSPHRASE = 'push after pull';
const COUNT = 20;

/** Devices A and B on a fresh database of `target`. */
async function twoDevices(target: Target) {
  const config = await freshDatabase(target);
  const keys = await unlock(config, PASSPHRASE);
  return { a: device('A', config, keys), b: device('B', config, keys) };
}

for (const target of useTargets()) {
  describe(`push after pull on ${target.name}`, () => {
    it('reads each pulled record once: the push skips what the pull stored and the server holds', async () => {
      const { a, b } = await twoDevices(target);
      await a.store.write('article', ARTICLE_ID, article('十年'));
      for (let i = 0; i < COUNT; i++) {
        const note = annotation(`第${i}句`);
        await a.store.write('annotation', note.id, note);
      }
      await a.engine.round();

      const read: string[] = [];
      const readMany = b.store.readMany.bind(b.store);
      b.store.readMany = (records) => {
        read.push(...records.map(({ kind, key }) => `${kind}:${key}`));
        return readMany(records);
      };
      const report = await b.engine.round();
      expect(report.applied).toBe(COUNT + 1);
      expect(report.pushed).toBe(0);
      expect(read).toHaveLength(COUNT + 1);
      expect(new Set(read).size).toBe(COUNT + 1);
    });

    it('pushes in the same round a record edited here right after the pull stored it', async () => {
      const { a, b } = await twoDevices(target);
      const note = annotation('春风又绿江南岸');
      await a.store.write('annotation', note.id, note);
      await a.engine.round();

      // The reader edits the note on B the moment sync has stored it there, before the round's push.
      const applyRemoteMany = b.store.applyRemoteMany.bind(b.store);
      let edited = false;
      b.store.applyRemoteMany = async (records: readonly RemoteRecord[]) => {
        const outcomes = await applyRemoteMany(records);
        if (!edited && records.some((record) => record.key === note.id)) {
          edited = true;
          b.advance(1_000);
          await b.store.write('annotation', note.id, { ...note, note: '写在 B 上', updatedAt: note.updatedAt + 1_000 });
        }
        return outcomes;
      };
      const report = await b.engine.round();
      expect(edited).toBe(true);
      expect(report.pushed).toBe(1);

      a.advance(2_000);
      await a.engine.round();
      expect(((await a.store.read('annotation', note.id)) as { note: string }).note).toBe('写在 B 上');
    });
  });
}
