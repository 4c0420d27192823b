// @vitest-environment node
/**
 * A reader's edit made while sync merges the same record: sync read the record, the reader changed it, then sync
 * came to write its merge of the older value. The edit must survive, the server's change with it, on both devices.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/core/model/annotation';
import { device, freshDatabase, unlock, useTargets } from './couch-harness';
import { annotation } from './records';

const PASSPHRASE = 'edit during merge';

for (const target of useTargets()) {
  describe(`an edit during a merge on ${target.name}`, () => {
    it('keeps the note typed here while the pull merged the colour set on the other device', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const a = device('A', config, keys);
      const b = device('B', config, keys);
      const note = annotation('落霞与孤鹜齐飞');
      await a.store.write('annotation', note.id, note);
      await a.engine.round();
      await b.engine.round();

      a.advance(1_000);
      await a.store.write('annotation', note.id, { ...note, color: 'green', updatedAt: note.updatedAt + 1_000 });
      await a.engine.round();

      // B's reader types a note just after B's pull has read the annotation, before the merge is written.
      const readMany = b.store.readMany.bind(b.store);
      let typed = false;
      b.store.readMany = async (records) => {
        const read = await readMany(records);
        if (!typed && records.some(({ key }) => key === note.id)) {
          typed = true;
          b.advance(2_000);
          const current = (await b.store.read('annotation', note.id)) as Annotation;
          await b.store.write('annotation', note.id, { ...current, note: '写在 B 上', updatedAt: note.updatedAt + 2_000 });
        }
        return read;
      };
      await b.engine.round();
      expect(typed).toBe(true);
      const onB = (await b.store.read('annotation', note.id)) as Annotation;
      expect([onB.color, onB.note]).toEqual(['green', '写在 B 上']);

      a.advance(3_000);
      await a.engine.round();
      const onA = (await a.store.read('annotation', note.id)) as Annotation;
      expect([onA.color, onA.note]).toEqual(['green', '写在 B 上']);
    });

    it('leaves a record the reader keeps rewriting to the push, which still keeps both edits', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const a = device('A', config, keys);
      const b = device('B', config, keys);
      const note = annotation('孤帆远影碧空尽');
      await a.store.write('annotation', note.id, note);
      await a.engine.round();
      await b.engine.round();
      a.advance(1_000);
      await a.store.write('annotation', note.id, { ...note, color: 'blue', updatedAt: note.updatedAt + 1_000 });
      await a.engine.round();

      // Each time B's pull reads the annotation, the reader has typed again: more times than the merge is retried.
      const readMany = b.store.readMany.bind(b.store);
      let typed = 0;
      b.store.readMany = async (records) => {
        const read = await readMany(records);
        if (typed < 8 && records.some(({ key }) => key === note.id)) {
          typed++;
          b.advance(100);
          const current = (await b.store.read('annotation', note.id)) as Annotation;
          await b.store.write('annotation', note.id, { ...current, note: `第${typed}稿`, updatedAt: current.updatedAt + 100 });
        }
        return read;
      };
      await b.engine.round();
      b.store.readMany = readMany;
      await b.engine.round();
      a.advance(5_000);
      await a.engine.round();
      for (const side of [a, b]) {
        const held = (await side.store.read('annotation', note.id)) as Annotation;
        expect([held.color, held.note], side.name).toEqual(['blue', `第${typed}稿`]);
      }
      expect(typed).toBeGreaterThan(3);
    });
  });
}
