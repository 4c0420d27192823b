// @vitest-environment node
/**
 * A reader's edit made while sync merges the same record: sync read the record, the reader changed it, then sync
 * came to write its merge of the older value. The edit must survive, the server's change with it, on both devices.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/core/model/annotation';
import { device, freshDatabase, unlock, useTargets, type Device, type Target } from './couch-harness';
import { annotation } from './records';

const PASSPHRASE = 'edit during merge';

/** A and B share an annotation quoting `quote`; then A sets its colour to `color` and sends it. */
async function colouredOnA(target: Target, quote: string, color: Annotation['color']) {
  const config = await freshDatabase(target);
  const keys = await unlock(config, PASSPHRASE);
  const a = device('A', config, keys);
  const b = device('B', config, keys);
  const note = annotation(quote);
  await a.store.write('annotation', note.id, note);
  await a.engine.round();
  await b.engine.round();
  a.advance(1_000);
  await a.store.write('annotation', note.id, { ...note, color, updatedAt: note.updatedAt + 1_000 });
  await a.engine.round();
  return { a, b, note };
}

/**
 * Has B's reader type note `text(n)` into annotation `id` (`ms` later each time) just after B's sync has read it, the
 * first `times` times it does, until `stop`; `typed` answers how many times the reader typed so far.
 */
function typeWhenRead(b: Device, id: string, times: number, ms: number, text: (n: number) => string) {
  const readMany = b.store.readMany.bind(b.store);
  let typed = 0;
  b.store.readMany = async (records) => {
    const read = await readMany(records);
    if (typed < times && records.some(({ key }) => key === id)) {
      typed++;
      b.advance(ms);
      const current = (await b.store.read('annotation', id)) as Annotation;
      await b.store.write('annotation', id, { ...current, note: text(typed), updatedAt: current.updatedAt + ms });
    }
    return read;
  };
  return { typed: () => typed, stop: () => (b.store.readMany = readMany) };
}

for (const target of useTargets()) {
  describe(`an edit during a merge on ${target.name}`, () => {
    it('keeps the note typed here while the pull merged the colour set on the other device', async () => {
      const { a, b, note } = await colouredOnA(target, '落霞与孤鹜齐飞', 'green');
      // B's reader types a note just after B's pull has read the annotation, before the merge is written.
      const { typed } = typeWhenRead(b, note.id, 1, 2_000, () => '写在 B 上');
      await b.engine.round();
      expect(typed()).toBe(1);
      const onB = (await b.store.read('annotation', note.id)) as Annotation;
      expect([onB.color, onB.note]).toEqual(['green', '写在 B 上']);

      a.advance(3_000);
      await a.engine.round();
      const onA = (await a.store.read('annotation', note.id)) as Annotation;
      expect([onA.color, onA.note]).toEqual(['green', '写在 B 上']);
    });

    it('leaves a record the reader keeps rewriting to the push, which still keeps both edits', async () => {
      const { a, b, note } = await colouredOnA(target, '孤帆远影碧空尽', 'blue');
      // Each time B's sync reads the annotation, the reader has typed again: more times than the merge is retried.
      const { typed, stop } = typeWhenRead(b, note.id, 8, 100, (n) => `第${n}稿`);
      await b.engine.round();
      stop();
      await b.engine.round();
      a.advance(5_000);
      await a.engine.round();
      for (const side of [a, b]) {
        const held = (await side.store.read('annotation', note.id)) as Annotation;
        expect([held.color, held.note], side.name).toEqual(['blue', `第${typed()}稿`]);
      }
      expect(typed()).toBeGreaterThan(3);
    });
  });
}
