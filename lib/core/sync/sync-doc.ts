/**
 * The content of one synced document (encrypted before it leaves the device): every field of one record with the
 * hybrid-clock stamp of the edit that set it, and the values it had before. Merging two such documents is
 * commutative, associative and idempotent (a state-based CRDT), so devices that have seen the same edits hold the same
 * document, whatever order they saw them in:
 * - per field, the entry with the latest stamp wins; edits to different fields never touch each other;
 * - the other entries of a field (conflict losers and values replaced earlier) stay as earlier versions, newest first,
 *   up to `MAX_ENTRIES_PER_FIELD` in all, for the library to offer with Restore;
 * - removing a record (a purge, a word no longer known) is the pseudo-field `EXISTS` set to false: it drops every
 *   field entry stamped before it; a later edit brings the record back (made on a device that had not heard of the
 *   removal, it is refilled there by `refillRemoved`).
 */
import { canonicalJson, sameJson } from './canonical-json';
import { compareStamps, type Stamp } from './hlc';
import type { HybridClock } from './hlc';

/** The kinds of record that sync (the change feed's kinds). */
export type RecordKind = 'annotation' | 'article' | 'knownWord' | 'setting' | 'wordListEntry';

/** Every `RecordKind`, for validation. */
export const RECORD_KINDS: readonly RecordKind[] = ['annotation', 'article', 'knownWord', 'setting', 'wordListEntry'];

/** One value a field had, and the stamp of the edit that set it. No `value` property: the field was absent. */
export interface FieldEntry {
  value?: unknown;
  stamp: Stamp;
}

/** The document format written by this build. */
export const SYNC_DOC_FORMAT = 1;

/** A record's fields with their stamped history. */
export interface SyncDoc {
  format: typeof SYNC_DOC_FORMAT;
  kind: RecordKind;
  key: string;
  /** Field name → entries, latest stamp first. */
  fields: Record<string, FieldEntry[]>;
}

/** The pseudo-field saying whether the record exists (true) or was removed (false). */
export const EXISTS = '$exists';

/** Entries kept per field: the current value and five earlier versions. */
export const MAX_ENTRIES_PER_FIELD = 6;

/** An earlier value of a field, as the library shows it (with Restore). */
export interface EarlierVersion {
  field: string;
  value: unknown;
  hlc: Stamp;
  device: string;
}

/** A fresh document with no fields. */
export const emptyDoc = (kind: RecordKind, key: string): SyncDoc => ({ format: SYNC_DOC_FORMAT, kind, key, fields: {} });

const entryText = (entry: FieldEntry): string => ('value' in entry ? canonicalJson(entry.value) : '');

/** Latest first; the same stamp with two values (only a broken or hostile writer does that) orders by value. */
function compareEntriesDesc(a: FieldEntry, b: FieldEntry): number {
  const byStamp = compareStamps(b.stamp, a.stamp);
  if (byStamp !== 0) return byStamp;
  if ('value' in a === 'value' in b && sameJson(a.value, b.value)) return 0;
  const ta = entryText(a);
  const tb = entryText(b);
  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

/** One entry per stamp, latest first. */
function dedupeSorted(entries: FieldEntry[]): FieldEntry[] {
  const sorted = [...entries].sort(compareEntriesDesc);
  return sorted.filter((entry, i) => i === 0 || compareStamps(entry.stamp, sorted[i - 1]!.stamp) !== 0);
}

/** The latest removal stamp, if the record was ever removed. */
function removalStamp(fields: Record<string, FieldEntry[]>): Stamp | null {
  const removal = (fields[EXISTS] ?? []).find((entry) => entry.value === false);
  return removal ? removal.stamp : null;
}

/** Brings a document's fields to their canonical form: sorted, deduplicated, capped, entries older than a removal dropped. */
function normalize(kind: RecordKind, key: string, fields: Record<string, FieldEntry[]>): SyncDoc {
  const sorted: Record<string, FieldEntry[]> = {};
  for (const name of Object.keys(fields).sort()) {
    if (name !== EXISTS) {
      sorted[name] = dedupeSorted(fields[name]!);
      continue;
    }
    // Existence keeps only its latest true and latest false (even with one stamp), so the removal threshold is a
    // plain maximum over everything ever merged.
    const all = [...fields[name]!].sort(compareEntriesDesc);
    sorted[name] = [true, false]
      .map((flag) => all.find((entry) => entry.value === flag))
      .filter((entry): entry is FieldEntry => entry !== undefined)
      .sort(compareEntriesDesc);
  }
  const removedAt = removalStamp(sorted);
  const out: Record<string, FieldEntry[]> = {};
  for (const [name, entries] of Object.entries(sorted)) {
    const kept =
      name === EXISTS || removedAt === null ? entries : entries.filter((entry) => compareStamps(entry.stamp, removedAt) > 0);
    if (kept.length > 0) out[name] = name === EXISTS ? kept : kept.slice(0, MAX_ENTRIES_PER_FIELD);
  }
  return { format: SYNC_DOC_FORMAT, kind, key, fields: out };
}

/** Merges two documents of the same record (or one with nothing). Commutative, associative, idempotent. */
export function mergeDocs(a: SyncDoc, b: SyncDoc | null): SyncDoc {
  if (b === null) return normalize(a.kind, a.key, a.fields);
  if (a.kind !== b.kind || a.key !== b.key) throw new Error('Cannot merge documents of two different records.');
  const fields: Record<string, FieldEntry[]> = {};
  for (const doc of [a, b]) {
    for (const [name, entries] of Object.entries(doc.fields)) fields[name] = [...(fields[name] ?? []), ...entries];
  }
  return normalize(a.kind, a.key, fields);
}

/** The current entry of each field (its latest), existence included. */
export function currentEntries(doc: SyncDoc): Record<string, FieldEntry> {
  const out: Record<string, FieldEntry> = {};
  for (const [name, entries] of Object.entries(doc.fields)) if (entries[0]) out[name] = entries[0];
  return out;
}

/**
 * The record's current fields (without existence), or null when it was removed and not made again since (fields
 * edited after the removal by a device that had not heard of it are only part of a record, until that device
 * refills it). Absent fields are left out.
 */
export function currentFields(doc: SyncDoc): Record<string, unknown> | null {
  const current = currentEntries(doc);
  const names = Object.keys(current).filter((name) => name !== EXISTS);
  if (current[EXISTS]?.value === false || names.length === 0) return null;
  const out: Record<string, unknown> = {};
  for (const name of names) if ('value' in current[name]!) out[name] = current[name]!.value;
  return out;
}

/** Each field's earlier values that differ from its current one (one per value, newest first). */
export function earlierVersions(doc: SyncDoc): EarlierVersion[] {
  const out: EarlierVersion[] = [];
  for (const [field, entries] of Object.entries(doc.fields)) {
    if (field === EXISTS || entries.length < 2) continue;
    const seen = new Set([entryText(entries[0]!)]);
    for (const entry of entries.slice(1)) {
      const text = entryText(entry);
      if (seen.has(text) || !('value' in entry)) continue;
      seen.add(text);
      out.push({ field, value: entry.value, hlc: entry.stamp, device: entry.stamp.device });
    }
  }
  return out;
}

/**
 * Records a local edit: the fields of `record` (null: removed) that differ from `current` get one new stamp from
 * `clock` at wall time `at`. Answers `doc` unchanged when nothing differs.
 */
export function stampLocal(
  doc: SyncDoc,
  current: Record<string, unknown> | null,
  record: Record<string, unknown> | null,
  clock: HybridClock,
  at: number,
): SyncDoc {
  const changes: Record<string, Omit<FieldEntry, 'stamp'>> = {};
  if (record === null) {
    if (current !== null) changes[EXISTS] = { value: false };
  } else {
    if (current === null) changes[EXISTS] = { value: true };
    const names = new Set([...Object.keys(record), ...Object.keys(current ?? {})]);
    for (const name of names) {
      const now = record[name];
      const before = current?.[name];
      if ((now === undefined) === (before === undefined) && sameJson(now ?? null, before ?? null)) continue;
      changes[name] = now === undefined ? {} : { value: now };
    }
  }
  if (Object.keys(changes).length === 0) return doc;
  const stamp = clock.stampAt(at, latestStamp(doc, clock.device));
  const fields: Record<string, FieldEntry[]> = { ...doc.fields };
  for (const [name, change] of Object.entries(changes)) fields[name] = [{ ...change, stamp }, ...(fields[name] ?? [])];
  return normalize(doc.kind, doc.key, fields);
}

/**
 * A record removed on one device (a purge) while another, not yet told, edited it: the removal dropped every field
 * the edit did not touch, so the merge holds only part of the record. The device that still holds the whole record
 * (`record`, its fields) puts the dropped fields back with one new stamp from `clock` at `at` and marks the record
 * existing again, so the later edit is kept whole, as an edit made after a delete is. Call it after `clock` observed
 * the merge's latest stamp (the new stamp must come after the removal). Answers `doc` unchanged otherwise.
 */
export function refillRemoved(doc: SyncDoc, record: Record<string, unknown> | null, clock: HybridClock, at: number): SyncDoc {
  const current = currentEntries(doc);
  const edited = Object.keys(current).some((name) => name !== EXISTS);
  if (record === null || current[EXISTS]?.value !== false || !edited) return doc;
  const stamp = clock.stampAt(at, latestStamp(doc, clock.device));
  const fields: Record<string, FieldEntry[]> = { ...doc.fields, [EXISTS]: [{ value: true, stamp }, ...doc.fields[EXISTS]!] };
  for (const [name, value] of Object.entries(record)) if (!(name in doc.fields)) fields[name] = [{ value, stamp }];
  return normalize(doc.kind, doc.key, fields);
}

/** The latest stamp anywhere in a document (only `device`'s, when given). */
export function latestStamp(doc: SyncDoc, device?: string): Stamp | null {
  let latest: Stamp | null = null;
  for (const entries of Object.values(doc.fields)) {
    for (const { stamp } of entries) {
      if (device !== undefined && stamp.device !== device) continue;
      if (latest === null || compareStamps(stamp, latest) > 0) latest = stamp;
    }
  }
  return latest;
}
