/** Checks the shape of a decrypted document before it takes part in a merge: another version or a hostile server. */
import * as v from 'valibot';
import { MAX_ENTRIES_PER_FIELD, RECORD_KINDS, SYNC_DOC_FORMAT, type SyncDoc } from './sync-doc';

/** Most fields a record may have (an annotation has eight). */
const MAX_FIELDS = 64;

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

const stampSchema = v.strictObject({ wall: count, count, device: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) });

const entrySchema = v.strictObject({ value: v.optional(v.unknown()), stamp: stampSchema });

const docSchema = v.strictObject({
  format: v.literal(SYNC_DOC_FORMAT),
  kind: v.picklist(RECORD_KINDS),
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  fields: v.pipe(
    v.record(
      v.pipe(v.string(), v.maxLength(64)),
      v.pipe(v.array(entrySchema), v.minLength(1), v.maxLength(MAX_ENTRIES_PER_FIELD)),
    ),
    v.check((fields) => Object.keys(fields).length <= MAX_FIELDS, 'has too many fields'),
  ),
});

/** The document if it has our shape, else why not. */
export function parseSyncDoc(value: unknown): { ok: true; doc: SyncDoc } | { ok: false; reason: string } {
  const parsed = v.safeParse(docSchema, value);
  if (parsed.success) return { ok: true, doc: parsed.output as SyncDoc };
  const issue = parsed.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return { ok: false, reason: `${path ? `${path}: ` : ''}${issue.message}` };
}
