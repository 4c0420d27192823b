/**
 * A damaged annotation record (a bug in an old build, a manual edit, disk corruption) must never take the others down:
 * records are checked as they are read, and one that fails is moved to the `quarantine` table — kept, not deleted —
 * so the rest of the article still loads, and the reader is told how many were set aside. This move bypasses the
 * write path on purpose (see `write-path.ts`): it leaves no tombstone in the change feed.
 */
import * as v from 'valibot';
import type { Annotation } from '../lib/core/model/annotation';
import { annotationRecordSchema, check } from '../lib/core/formats/import/import-records';
import type { AnnotationDb } from './db';
import { problem } from '../lib/core/model/problems';
import { say } from '../lib/extension/i18n';

/** A stored annotation: what the native format accepts, except that a stored one may be soft-deleted. */
export const storedAnnotationSchema = v.strictObject({
  ...annotationRecordSchema.entries,
  deletedAt: v.nullable(v.pipe(v.number(problem('problemTime')), v.integer(problem('problemWhole')), v.minValue(0))),
});

/** The id a damaged record is filed under (its own id when it has a usable one). */
const idOf = (row: unknown, index: number): string => {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : `unreadable-${Date.now()}-${index}`;
};

/**
 * The sound records of `rows`; the damaged ones are moved to the quarantine table in one transaction (with the reason)
 * and removed from the annotations table.
 */
export async function setAsideDamaged(db: AnnotationDb, rows: readonly unknown[], now = Date.now()): Promise<Annotation[]> {
  const sound: Annotation[] = [];
  const damaged: { key: unknown; id: string; record: unknown; reason: string }[] = [];
  rows.forEach((row, index) => {
    const checked = check(storedAnnotationSchema, row);
    if (checked.ok) sound.push(row as Annotation);
    else
      damaged.push({ key: (row as { id?: unknown } | null)?.id, id: idOf(row, index), record: row, reason: say(checked.reason) });
  });
  if (damaged.length > 0) {
    await db.transaction('rw', db.annotations, db.quarantine, async () => {
      await db.quarantine.bulkPut(damaged.map(({ id, record, reason }) => ({ id, record, reason, quarantinedAt: now })));
      // Every row read from the table has a key; a damaged one may still have a non-string one.
      await db.annotations.bulkDelete(damaged.map((d) => d.key as string));
    });
    console.warn(
      `[netease-annotator] set aside ${damaged.length} damaged annotation record(s):`,
      damaged.map((d) => d.reason),
    );
  }
  return sound;
}
