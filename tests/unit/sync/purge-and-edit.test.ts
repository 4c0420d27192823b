// @vitest-environment node
/**
 * A purge meeting an edit it did not know of, against a real pouchdb-server: A deletes an annotation and, later,
 * purges it; B, which had not heard of the delete, edits its note after that. The purge dropped the fields B did not
 * touch, so B — which still holds the whole annotation — puts them back: every device ends with the annotation whole
 * and B's note, as with an edit made after a delete, and a device with an untouched copy does not undo B's note.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/core/model/annotation';
import { device, freshDatabase, unlock, useTargets } from './couch-harness';
import { annotation } from './records';

const PASSPHRASE = 'purge and edit';
const DAY = 24 * 60 * 60 * 1000;

for (const target of useTargets()) {
  describe(`a purge and a later edit on ${target.name}`, () => {
    it('bring the annotation back whole, with the edit, on every device', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      // D keeps an untouched copy, offline until the end.
      const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((name) => device(name, config, keys));
      const all = [a!, b!, c!, d!];
      const made = annotation('春眠不觉晓', { note: 'first' });
      await a!.store.write('annotation', made.id, made);
      for (const peer of all) await peer.engine.round();

      const advance = (ms: number) => all.forEach((peer) => peer.advance(ms));
      advance(1_000);
      await a!.store.write('annotation', made.id, {
        ...made,
        deletedAt: made.updatedAt + 1_000,
        updatedAt: made.updatedAt + 1_000,
      });
      advance(31 * DAY);
      await a!.store.write('annotation', made.id, null);
      await a!.engine.round();
      // C hears of the purge first; B, offline all along, edits the note after it.
      await c!.engine.round();
      expect(await c!.store.read('annotation', made.id)).toBeNull();
      advance(1_000);
      await b!.store.write('annotation', made.id, { ...made, note: 'B, after the purge', updatedAt: b!.advance(0) });

      for (const peer of [b!, a!, c!, d!, b!, a!, c!]) await peer.engine.round();
      for (const peer of all) {
        const held = (await peer.store.read('annotation', made.id)) as Annotation | null;
        expect(held, peer.name).toMatchObject({ note: 'B, after the purge', target: made.target, deletedAt: null });
        expect(await peer.state.quarantined(), peer.name).toEqual([]);
      }
    });
  });
}
