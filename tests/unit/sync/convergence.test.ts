// @vitest-environment node
/**
 * Three devices, the real engine and a real pouchdb-server: random sequences of edits, deletes, undos and purges of
 * deleted annotations, devices going offline, rounds cut short by a connection dropped after the server acted, and
 * clocks up to an hour apart. Once everyone is back and has synced, all three hold the same annotations, and no
 * device's last edit of a field is lost: it is the field's value or one of its earlier versions (unless a purge,
 * which drops every edit before it, removed the annotation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/core/model/annotation';
import { HIGHLIGHT_COLORS } from '../../../lib/core/model/annotation';
import { canonicalJson } from '../../../lib/core/sync/canonical-json';
import { MAX_ENTRIES_PER_FIELD } from '../../../lib/core/sync/sync-doc';
import { device, faultyFetch, freshDatabase, unlock, useTargets, type Device } from './couch-harness';
import { annotation } from './records';

const PASSPHRASE = 'convergence passphrase';
const FIELDS = ['note', 'color', 'tags'] as const;
type Field = (typeof FIELDS)[number];
const ANNOTATIONS = 2;

/** What a device does next. */
type Op =
  | { kind: 'edit'; dev: number; ann: number; field: Field; value: number }
  | { kind: 'delete' | 'undo' | 'purge' | 'round' | 'offline' | 'online'; dev: number; ann: number }
  | { kind: 'flaky'; dev: number; drop: number };

const dev = fc.integer({ min: 0, max: 2 });
const ann = fc.integer({ min: 0, max: ANNOTATIONS - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      dev,
      ann,
      field: fc.constantFrom(...FIELDS),
      value: fc.nat(1_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'undo' as const), dev, ann }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const), dev, ann }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('round' as const), dev, ann }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('offline' as const, 'online' as const), dev, ann }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flaky' as const), dev, drop: fc.integer({ min: 1, max: 8 }) }) },
);

/** A field's value for edit number `n` (notes and tags unique to the edit; colours from the palette). */
function valueFor(field: Field, n: number): unknown {
  if (field === 'color') return HIGHLIGHT_COLORS[n % HIGHLIGHT_COLORS.length];
  if (field === 'tags') return [`标签${n}`];
  return `note ${n}`;
}

/** A device whose connection the test cuts: offline, or dropped after the server acted on the `drop`-th request. */
interface Peer {
  device: Device;
  offline: boolean;
  drop: number;
}

for (const target of useTargets()) {
  describe(`three devices on ${target.name}`, () => {
    it(
      'converge after random edits, deletes, undos, offline spells and dropped rounds, losing no last edit',
      { timeout: 240_000 },
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(opArb, { minLength: 5, maxLength: 40 }),
            fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 3, maxLength: 3 }),
            async (ops, skews) => {
              const config = await freshDatabase(target);
              const keys = await unlock(config, PASSPHRASE);
              const peers: Peer[] = ['A', 'B', 'C'].map((name, i) => {
                const peer: Peer = { device: undefined as unknown as Device, offline: false, drop: 0 };
                const fetch = faultyFetch(() => {
                  if (peer.offline) return 'drop-before';
                  if (peer.drop > 0 && --peer.drop === 0) return 'drop-after';
                  return 'pass';
                });
                peer.device = device(name, config, keys, 1_700_000_000_000 + skews[i]!, { fetch });
                return peer;
              });
              const ids: string[] = [];
              for (let i = 0; i < ANNOTATIONS; i++) {
                const record = annotation(`第${i}句诗`);
                ids.push(record.id);
                await peers[0]!.device.store.write('annotation', record.id, record);
              }
              for (const peer of peers) await peer.device.engine.round();
              /** Each device's last value of each annotation's field, and how many edits each field had. */
              const last = new Map<string, unknown>();
              const edits = new Map<string, number>();
              /** Annotations a device purged. */
              const purged = new Set<string>();

              for (const op of ops) {
                for (const peer of peers) peer.device.advance(1_000);
                const peer = peers[op.dev]!;
                const { store, engine } = peer.device;
                if (op.kind === 'offline' || op.kind === 'online') {
                  peer.offline = op.kind === 'offline';
                } else if (op.kind === 'round' || op.kind === 'flaky') {
                  if (op.kind === 'flaky') peer.drop = op.drop;
                  // A round that fails (offline, or cut short) loses nothing: the next one goes on from its checkpoints.
                  await engine.round().catch(() => undefined);
                  peer.drop = 0;
                } else {
                  const id = ids[op.ann]!;
                  const current = (await store.read('annotation', id)) as Annotation | null;
                  // Gone from this device (purged here, or a purge arrived): nothing left to edit.
                  if (current === null) continue;
                  const at = current.updatedAt + 1;
                  if (op.kind === 'purge') {
                    // The bin's purge: only an annotation in the bin goes.
                    if (current.deletedAt === null) continue;
                    await store.write('annotation', id, null);
                    purged.add(id);
                  } else if (op.kind === 'edit') {
                    const value = valueFor(op.field, op.value);
                    await store.write('annotation', id, { ...current, [op.field]: value, updatedAt: at });
                    last.set(`${op.dev}|${id}|${op.field}`, value);
                    edits.set(`${id}|${op.field}`, (edits.get(`${id}|${op.field}`) ?? 0) + 1);
                  } else {
                    await store.write('annotation', id, {
                      ...current,
                      deletedAt: op.kind === 'delete' ? at : null,
                      updatedAt: at,
                    });
                  }
                }
              }

              // Everyone comes back and syncs, twice round.
              for (const peer of peers) peer.offline = false;
              for (let turn = 0; turn < 2; turn++) for (const peer of peers) await peer.device.engine.round();

              const held = peers.map((peer) => canonicalJson([...peer.device.store.all('annotation').entries()].sort()));
              expect(held[1]).toBe(held[0]);
              expect(held[2]).toBe(held[0]);
              const a = peers[0]!.device;
              for (const id of ids) {
                if (purged.has(id)) continue;
                const record = (await a.store.read('annotation', id)) as Annotation;
                const { versions } = await a.engine.recordInfo('annotation', id);
                for (const field of FIELDS) {
                  // More edits than a field keeps entries for may push a value out; the rest must all be there.
                  if ((edits.get(`${id}|${field}`) ?? 0) > MAX_ENTRIES_PER_FIELD) continue;
                  const kept = [record[field], ...versions.filter((v) => v.field === field).map((v) => v.value)].map((v) =>
                    canonicalJson(v),
                  );
                  for (const n of [0, 1, 2]) {
                    const value = last.get(`${n}|${id}|${field}`);
                    if (value !== undefined) expect(kept, `${field} of device ${n}`).toContain(canonicalJson(value));
                  }
                }
              }
            },
          ),
          { numRuns: 30 },
        );
      },
    );
  });
}
