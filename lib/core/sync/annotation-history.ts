/**
 * What the library shows of an annotation's synced history: the earlier values of the fields a reader can set back
 * (colour, note, tags, translation) — conflict losers and values replaced before — newest first, with when and on
 * which device they were set, and whether the annotation was kept because it was edited after a delete elsewhere.
 */
import * as v from 'valibot';
import { colorSchema, noteSchema, tagsSchema, translationSchema } from '../model/schemas';
import type { Annotation } from '../model/annotation';
import { sameJson } from './canonical-json';
import { compareStamps } from './hlc';
import { keptAfterDelete } from './record-codec';
import { currentEntries, earlierVersions, type SyncDoc } from './sync-doc';

/** The annotation fields an earlier version can be restored to (those the update message takes). */
export type RestorableField = 'color' | 'note' | 'tags' | 'translation';

/** An earlier value as the library lists it. */
export interface VersionInfo {
  field: RestorableField;
  value: unknown;
  /** When the edit that set it was made (its stamp's wall time, ms since 1970). */
  at: number;
  /** Whether this device made that edit (device ids are random, so other devices have no name). */
  thisDevice: boolean;
}

/** One annotation's history, when it has some. */
export interface AnnotationHistory {
  id: string;
  versions: VersionInfo[];
  keptAfterDelete: boolean;
  /** Kept after a delete made on this device (edited later on another); false when the delete was elsewhere. */
  deletedHere: boolean;
}

/** Each field's schema: what another device (or a hostile server's leftovers) put in an earlier version must fit it. */
const FIELD_SCHEMAS: Record<RestorableField, v.GenericSchema> = {
  color: colorSchema,
  note: noteSchema,
  tags: tagsSchema,
  translation: v.nullable(translationSchema),
};

const restorable = (field: string): field is RestorableField => Object.hasOwn(FIELD_SCHEMAS, field);

/** The history in an annotation's synced document, seen from device `device`; null when there is nothing to show. */
export function annotationHistoryOf(doc: SyncDoc, device: string): AnnotationHistory | null {
  const versions = earlierVersions(doc)
    .filter((version) => restorable(version.field) && v.is(FIELD_SCHEMAS[version.field], version.value))
    .sort((x, y) => compareStamps(y.hlc, x.hlc))
    .map((version) => ({
      field: version.field as RestorableField,
      value: version.value,
      at: version.hlc.wall,
      thisDevice: version.device === device,
    }));
  const kept = keptAfterDelete(doc);
  if (versions.length === 0 && !kept) return null;
  const deletedHere = kept && currentEntries(doc).deletedAt?.stamp.device === device;
  return { id: doc.key, versions, keptAfterDelete: kept, deletedHere };
}

/** The versions whose value differs from the annotation's current one (a restored value is current, not earlier). */
export const differingVersions = (annotation: Annotation, versions: readonly VersionInfo[]): VersionInfo[] =>
  versions.filter((version) => !sameJson(version.value, annotation[version.field] ?? null));
