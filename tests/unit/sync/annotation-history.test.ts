// @vitest-environment node
/**
 * What the library is told of an annotation's synced history: the earlier values of the fields a reader can restore,
 * newest first across fields, with when and whether this device made them; values that do not fit their field (from
 * another client or a hostile server) and fields that cannot be restored are left out; an edit that outlived a
 * delete on another device is said.
 */
import { describe, expect, it } from 'vitest';
import { annotationHistoryOf } from '../../../lib/core/sync/annotation-history';
import { HybridClock } from '../../../lib/core/sync/hlc';
import { fieldsOf } from '../../../lib/core/sync/record-codec';
import { emptyDoc, mergeDocs, stampLocal, type SyncDoc } from '../../../lib/core/sync/sync-doc';
import { annotation } from './records';

const T = 1_700_000_000_000;

/** A device's edit of `record`'s fields on `doc` at wall time `at`. */
function edit(doc: SyncDoc, clock: HybridClock, before: object | null, after: object | null, at: number): SyncDoc {
  return stampLocal(doc, fieldsOf('annotation', before), fieldsOf('annotation', after), clock, at);
}

describe('annotation history for the library', () => {
  it('lists a conflict loser and older values, newest first, with the device that made each', () => {
    const a = new HybridClock('device-a');
    const b = new HybridClock('device-b');
    const made = annotation('海内存知己', { note: '' });
    const created = edit(emptyDoc('annotation', made.id), a, null, made, T);
    const onA = edit(created, a, made, { ...made, note: 'from A', color: 'green' }, T + 1_000);
    const onB = edit(created, b, made, { ...made, note: 'from B, later', target: { ...made.target } }, T + 2_000);
    const history = annotationHistoryOf(mergeDocs(onA, onB), 'device-a');
    expect(history).toEqual({
      id: made.id,
      keptAfterDelete: false,
      deletedHere: false,
      versions: [
        { field: 'note', value: 'from A', at: T + 1_000, thisDevice: true },
        { field: 'color', value: made.color, at: T, thisDevice: true },
        { field: 'note', value: '', at: T, thisDevice: true },
      ],
    });
    expect(annotationHistoryOf(mergeDocs(onA, onB), 'device-b')!.versions[0]).toMatchObject({ thisDevice: false });
  });

  it('leaves out values that do not fit their field and fields that cannot be restored', () => {
    const a = new HybridClock('device-a');
    const made = annotation('天涯若比邻');
    const created = edit(emptyDoc('annotation', made.id), a, null, made, T);
    const moved = edit(created, a, made, { ...made, target: { version: 1, selector: [] }, color: 'blue' }, T + 1);
    // Another client wrote a colour we do not have as the earlier value.
    const hostile: SyncDoc = {
      ...moved,
      fields: {
        ...moved.fields,
        color: [moved.fields.color![0]!, { value: 'black', stamp: { wall: T + 0.5, count: 0, device: 'x' } }],
      },
    };
    expect(annotationHistoryOf(hostile, 'device-a')).toBeNull();
    expect(annotationHistoryOf(created, 'device-a')).toBeNull();
  });

  it('says when an annotation was kept because it was edited after a delete on another device', () => {
    const a = new HybridClock('device-a');
    const b = new HybridClock('device-b');
    const made = annotation('无为在歧路');
    const created = edit(emptyDoc('annotation', made.id), a, null, made, T);
    const deleted = edit(created, a, made, { ...made, deletedAt: T + 1_000 }, T + 1_000);
    const tagged = edit(created, b, made, { ...made, tags: ['later'] }, T + 2_000);
    expect(annotationHistoryOf(mergeDocs(deleted, tagged), 'device-a')).toMatchObject({
      keptAfterDelete: true,
      deletedHere: true,
    });
    expect(annotationHistoryOf(mergeDocs(deleted, tagged), 'device-b')).toMatchObject({
      keptAfterDelete: true,
      deletedHere: false,
    });
    const deletedLast = edit(created, a, made, { ...made, deletedAt: T + 3_000 }, T + 3_000);
    expect(annotationHistoryOf(mergeDocs(deletedLast, tagged), 'device-a')).toMatchObject({ keptAfterDelete: false });
  });
});
