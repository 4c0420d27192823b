// @vitest-environment node
/**
 * The merge of synced documents, proved with random inputs: it is a CRDT merge (commutative, associative,
 * idempotent), and three devices making random edits, deletes and undos offline, syncing through two server replicas
 * that conflict and replicate in random order, end with the same annotation, each field holding its latest edit and
 * the other values kept as earlier versions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../lib/core/sync/canonical-json';
import { compareStamps, HybridClock, type Stamp } from '../../../lib/core/sync/hlc';
import { fieldsOf, projectDoc } from '../../../lib/core/sync/record-codec';
import {
  earlierVersions,
  emptyDoc,
  EXISTS,
  latestStamp,
  MAX_ENTRIES_PER_FIELD,
  mergeDocs,
  refillRemoved,
  stampLocal,
  type SyncDoc,
} from '../../../lib/core/sync/sync-doc';
import { HIGHLIGHT_COLORS, type Annotation } from '../../../lib/core/model/annotation';
import { annotation } from './records';

const stampArb: fc.Arbitrary<Stamp> = fc.record({
  wall: fc.integer({ min: 0, max: 30 }),
  count: fc.integer({ min: 0, max: 2 }),
  device: fc.constantFrom('A', 'B', 'C'),
});

const entryArb = fc.oneof(
  fc.record({ value: fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 3 })), stamp: stampArb }),
  fc.record({ stamp: stampArb }),
);

const docArb: fc.Arbitrary<SyncDoc> = fc
  .record({
    note: fc.array(entryArb, { maxLength: 8 }),
    color: fc.array(entryArb, { maxLength: 8 }),
    [EXISTS]: fc.array(fc.record({ value: fc.boolean(), stamp: stampArb }), { maxLength: 3 }),
  })
  .map((fields) =>
    mergeDocs(
      { ...emptyDoc('annotation', 'k'), fields: Object.fromEntries(Object.entries(fields).filter(([, e]) => e.length > 0)) },
      null,
    ),
  );

const same = (a: SyncDoc, b: SyncDoc): void => expect(canonicalJson(a)).toBe(canonicalJson(b));

describe('merging synced documents', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(docArb, docArb, docArb, (a, b, c) => {
        same(mergeDocs(a, b), mergeDocs(b, a));
        same(mergeDocs(mergeDocs(a, b), c), mergeDocs(a, mergeDocs(b, c)));
        same(mergeDocs(a, a), a);
        same(mergeDocs(mergeDocs(a, b), b), mergeDocs(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('drops what a removal replaced, and keeps an edit made after it', () => {
    const clock = new HybridClock('A');
    const base = stampLocal(emptyDoc('knownWord', '词'), null, { addedAt: 1 }, clock, 10);
    const removed = stampLocal(base, { addedAt: 1 }, null, clock, 20);
    expect(projectDoc(removed)).toEqual({ ok: true, record: null, keptAfterDelete: false });
    expect(removed.fields.addedAt).toBeUndefined();
    const back = stampLocal(removed, null, { addedAt: 30 }, clock, 30);
    expect(projectDoc(mergeDocs(removed, back))).toMatchObject({ ok: true, record: { word: '词', addedAt: 30 } });
  });

  it('refills a record removed while another device edited part of it, keeping that edit', () => {
    const a = new HybridClock('A');
    const b = new HybridClock('B');
    const made = annotation('床前明月光');
    const fields = fieldsOf('annotation', made)!;
    const base = stampLocal(emptyDoc('annotation', made.id), null, fields, a, 10);
    const purged = stampLocal(base, fields, null, a, 20);
    const edited = stampLocal(base, fields, { ...fields, note: 'B, later' }, b, 30);
    const union = mergeDocs(purged, edited);
    // Only the note outlived the removal: part of a record, which stands for none.
    expect(Object.keys(union.fields).sort()).toEqual([EXISTS, 'note']);
    expect(projectDoc(union)).toEqual({ ok: true, record: null, keptAfterDelete: false });
    b.observe(latestStamp(union)!, 40);
    const refilled = refillRemoved(union, { ...fields, note: 'B, later' }, b, 40);
    expect(projectDoc(refilled)).toMatchObject({ ok: true, record: { ...made, note: 'B, later', updatedAt: 40 } });
    expect(refilled.fields.note![0]!.stamp).toEqual(edited.fields.note![0]!.stamp);
    // Nothing to refill where nothing outlived the removal, or where this device holds no record.
    expect(refillRemoved(purged, fields, b, 50)).toBe(purged);
    expect(refillRemoved(union, null, b, 50)).toBe(union);
  });
});

/** One step of the simulation. */
type Op =
  | { kind: 'edit'; dev: number; field: 'note' | 'color' | 'tags'; value: number }
  | { kind: 'delete'; dev: number }
  | { kind: 'undo'; dev: number }
  | { kind: 'sync'; dev: number; replica: number }
  | { kind: 'replicate' }
  | { kind: 'wait'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    dev: fc.nat(2),
    field: fc.constantFrom('note' as const, 'color' as const, 'tags' as const),
    value: fc.nat(20),
  }),
  fc.record({ kind: fc.constant('delete' as const), dev: fc.nat(2) }),
  fc.record({ kind: fc.constant('undo' as const), dev: fc.nat(2) }),
  fc.record({ kind: fc.constant('sync' as const), dev: fc.nat(2), replica: fc.nat(1) }),
  fc.record({ kind: fc.constant('replicate' as const) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5_000 }) }),
);

/** The value an edit op writes into its field. */
function valueFor(field: 'note' | 'color' | 'tags', value: number): unknown {
  if (field === 'color') return HIGHLIGHT_COLORS[value % HIGHLIGHT_COLORS.length];
  if (field === 'tags') return [`t${value}`];
  return `note ${value}`;
}

interface SimDevice {
  name: string;
  skew: number;
  clock: HybridClock;
  base: SyncDoc;
  local: Annotation;
  editedAt: number;
}

describe('three devices editing offline', () => {
  it('converge on the same annotation, every field holding its latest edit and keeping the others as earlier versions', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 3, maxLength: 3 }),
        (ops, skews) => {
          const start = annotation('海内存知己', { createdAt: 1_000, updatedAt: 1_000 });
          const key = start.id;
          let time = 10_000_000;
          const first = new HybridClock('A');
          const created = stampLocal(emptyDoc('annotation', key), null, fieldsOf('annotation', start), first, time);
          const devices: SimDevice[] = ['A', 'B', 'C'].map((name, i) => ({
            name,
            skew: skews[i]!,
            clock: i === 0 ? first : new HybridClock(name),
            base: created,
            local: structuredClone(start),
            editedAt: 0,
          }));
          const replicas: SyncDoc[] = [created, created];
          /** Every stamped edit: field, value, stamp. */
          const edits: { field: string; value: unknown; stamp: Stamp }[] = [];

          const sync = (dev: SimDevice, replica: number): void => {
            const projection = projectDoc(dev.base);
            const before = fieldsOf('annotation', projection.ok ? projection.record : null);
            const stamped = stampLocal(dev.base, before, fieldsOf('annotation', dev.local), dev.clock, dev.editedAt);
            for (const [field, entries] of Object.entries(stamped.fields)) {
              const top = entries[0]!;
              if (!dev.base.fields[field]?.some((e) => canonicalJson(e) === canonicalJson(top)))
                edits.push({ field, value: top.value, stamp: top.stamp });
            }
            const merged = mergeDocs(stamped, replicas[replica]!);
            dev.clock.observe(latestStamp(merged)!, time + dev.skew);
            replicas[replica] = merged;
            dev.base = merged;
            const after = projectDoc(merged);
            expect(after.ok).toBe(true);
            if (after.ok) dev.local = after.record as Annotation;
          };

          for (const op of ops) {
            time += 1;
            if (op.kind === 'wait') time += op.ms;
            else if (op.kind === 'replicate') replicas[0] = replicas[1] = mergeDocs(replicas[0]!, replicas[1]!);
            else if (op.kind === 'sync') sync(devices[op.dev]!, op.replica);
            else {
              const dev = devices[op.dev]!;
              if (op.kind === 'edit') dev.local = { ...dev.local, [op.field]: valueFor(op.field, op.value) };
              else dev.local = { ...dev.local, deletedAt: op.kind === 'delete' ? time + dev.skew : null };
              dev.editedAt = time + dev.skew;
            }
          }
          // Everyone syncs with both replicas, which replicate, twice over.
          for (let round = 0; round < 2; round++) {
            for (const dev of devices) sync(dev, 0);
            replicas[0] = replicas[1] = mergeDocs(replicas[0]!, replicas[1]!);
            for (const dev of devices) sync(dev, 1);
          }
          const results = devices.map((dev) => canonicalJson(dev.local));
          expect(results[1]).toBe(results[0]);
          expect(results[2]).toBe(results[0]);
          const finalDoc = devices[0]!.base;
          for (const dev of devices) same(dev.base, finalDoc);
          // No field lost: each field holds its latest edit; the other recent values are earlier versions.
          const versions = earlierVersions(finalDoc);
          for (const field of ['note', 'color', 'tags', 'deletedAt']) {
            const ofField = edits.filter((e) => e.field === field).sort((x, y) => compareStamps(x.stamp, y.stamp));
            if (ofField.length === 0) continue;
            const latest = ofField[ofField.length - 1]!;
            expect(finalDoc.fields[field]![0]!.value).toEqual(latest.value);
            const recent = ofField.slice(-MAX_ENTRIES_PER_FIELD);
            for (const edit of recent) {
              if (canonicalJson(edit.value) === canonicalJson(latest.value)) continue;
              expect(versions.some((v) => v.field === field && canonicalJson(v.value) === canonicalJson(edit.value))).toBe(true);
            }
          }
          // Deleted only when the delete is later than every other field's current edit.
          const { deletedAt, ...others } = finalDoc.fields;
          const editedLater = Object.values(others).some((entries) => compareStamps(entries[0]!.stamp, deletedAt![0]!.stamp) > 0);
          expect(devices[0]!.local.deletedAt !== null).toBe(deletedAt![0]!.value !== null && !editedLater);
        },
      ),
      { numRuns: 300 },
    );
  });
});
