/**
 * How each kind of stored record becomes synced fields and back: the record's key and its derived `updatedAt` are not
 * fields; every other top-level property is one, merged on its own. A record from a merge is validated with the
 * same schemas as an import before anything is written locally.
 */
import * as v from 'valibot';
import { annotationRecordSchema, articleRecordSchema, knownWordRecordSchema } from '../formats/import/import-records';
import { wordListEntrySchema } from '../model/word-list';
import { compareStamps, type Stamp } from './hlc';
import { describeIssue } from '../model/problems';
import type { ReaderText } from '../model/reader-text';
import { currentEntries, currentFields, EXISTS, type RecordKind, type SyncDoc } from './sync-doc';

/** A stored annotation: as imported, and with `deletedAt` set while it sits in the bin. */
const storedAnnotationSchema = v.strictObject({
  ...annotationRecordSchema.entries,
  deletedAt: v.nullable(annotationRecordSchema.entries.createdAt),
});

/** A setting's value: any JSON the settings store accepts; it checks the shape itself on `applyRemote`. */
const settingSchema = v.strictObject({ key: v.pipe(v.string(), v.minLength(1), v.maxLength(200)), value: v.unknown() });

/** The property that holds the record's key, per kind. */
const KEY_PROPERTY: Record<RecordKind, string> = {
  annotation: 'id',
  article: 'id',
  knownWord: 'word',
  setting: 'key',
  wordListEntry: 'word',
};

/** Properties derived on the way out (the latest edit's time), never merged. */
const DERIVED: Record<RecordKind, readonly string[]> = {
  annotation: ['updatedAt'],
  article: ['updatedAt'],
  knownWord: [],
  setting: [],
  wordListEntry: [],
};

const SCHEMAS: Record<RecordKind, v.GenericSchema> = {
  annotation: storedAnnotationSchema,
  article: articleRecordSchema,
  knownWord: knownWordRecordSchema,
  setting: settingSchema,
  wordListEntry: wordListEntrySchema,
};

/**
 * A stored record as synced fields (a setting's record is its value, kept whole). Null stays null: the record does not
 * exist.
 */
export function fieldsOf(kind: RecordKind, record: unknown): Record<string, unknown> | null {
  if (record === null || record === undefined) return null;
  if (kind === 'setting') return { value: record };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record as Record<string, unknown>)) {
    if (name !== KEY_PROPERTY[kind] && !DERIVED[kind].includes(name) && value !== undefined) out[name] = value;
  }
  return out;
}

/** What a merged document means for the local store. */
export type Projection = { ok: true; record: unknown | null; keptAfterDelete: boolean } | { ok: false; reason: ReaderText };

/** The latest stamp among the current entries of `names`. */
function latestOf(current: ReturnType<typeof currentEntries>, names: string[]): Stamp | null {
  let latest: Stamp | null = null;
  for (const name of names) {
    const stamp = current[name]?.stamp;
    if (stamp && (latest === null || compareStamps(stamp, latest) > 0)) latest = stamp;
  }
  return latest;
}

/**
 * Whether an annotation deleted on one device was edited later (by its stamps) on another, so it stays: the delete
 * lost to the edit. False for every other kind and for a delete after every edit.
 */
export function keptAfterDelete(doc: SyncDoc): boolean {
  if (doc.kind !== 'annotation') return false;
  const current = currentEntries(doc);
  const deleted = current.deletedAt;
  if (deleted === undefined || deleted.value === null || deleted.value === undefined) return false;
  const names = Object.keys(current).filter((name) => name !== EXISTS && name !== 'deletedAt');
  const edited = latestOf(current, names);
  return edited !== null && compareStamps(edited, deleted.stamp) > 0;
}

/**
 * The record a merged document stands for, validated: null when it was removed. An annotation deleted on one device
 * and edited later on another stays (not deleted) and is marked `keptAfterDelete`; a delete after every edit wins.
 */
export function projectDoc(doc: SyncDoc): Projection {
  const fields = currentFields(doc);
  if (fields === null) return { ok: true, record: null, keptAfterDelete: false };
  const current = currentEntries(doc);
  const names = Object.keys(current).filter((name) => name !== EXISTS);
  const kept = keptAfterDelete(doc);
  if (kept) fields.deletedAt = null;
  const latest = latestOf(current, names);
  const record =
    doc.kind === 'setting'
      ? { key: doc.key, value: fields.value }
      : {
          ...fields,
          [KEY_PROPERTY[doc.kind]]: doc.key,
          ...Object.fromEntries(DERIVED[doc.kind].map((name) => [name, latest?.wall ?? 0])),
        };
  const parsed = v.safeParse(SCHEMAS[doc.kind], record);
  if (!parsed.success) {
    const [issue] = parsed.issues;
    return { ok: false, reason: describeIssue(issue, issue.path?.map((item) => String(item.key)).join('.') ?? '') };
  }
  return { ok: true, record: doc.kind === 'setting' ? fields.value : parsed.output, keptAfterDelete: kept };
}
