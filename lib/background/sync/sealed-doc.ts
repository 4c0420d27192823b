/**
 * A synced record as the server stores it: an HMAC id and one sealed blob (the `SyncDoc`), nothing else in clear.
 * Opening checks the blob decrypts under this id, has our shape, and really belongs to the id (a server cannot pass
 * one record's content off as another's).
 */
import * as v from 'valibot';
import { documentId, open, seal, type SyncKeys } from '../../core/sync/crypto';
import { sealedValueSchema } from '../../core/sync/meta';
import { parseSyncDoc } from '../../core/sync/parse-doc';
import type { SyncDoc } from '../../core/sync/sync-doc';
import type { CouchDoc } from './couch-client';

/** Format marker of our documents on the server. */
const DOC_FORMAT = 1;

const wireSchema = v.object({ _id: v.string(), nea: v.literal(DOC_FORMAT), data: sealedValueSchema });

/** The server document for `doc` (at revision `rev`, when it exists there). */
export async function sealDoc(keys: SyncKeys, doc: SyncDoc, rev: string | null): Promise<CouchDoc> {
  const id = await documentId(keys, doc.kind, doc.key);
  return { _id: id, ...(rev ? { _rev: rev } : {}), nea: DOC_FORMAT, data: await seal(keys, id, doc) };
}

/** The record inside a server document, or why it cannot be used. */
export async function openDoc(
  keys: SyncKeys,
  couch: CouchDoc,
): Promise<{ ok: true; doc: SyncDoc } | { ok: false; reason: string }> {
  const wire = v.safeParse(wireSchema, couch);
  if (!wire.success) return { ok: false, reason: 'not a document of this extension' };
  let plain: unknown;
  try {
    plain = await open(keys, couch._id, wire.output.data);
  } catch {
    return { ok: false, reason: 'cannot be decrypted with this passphrase (altered, moved or from another key)' };
  }
  const parsed = parseSyncDoc(plain);
  if (!parsed.ok) return { ok: false, reason: `invalid content (${parsed.reason})` };
  if ((await documentId(keys, parsed.doc.kind, parsed.doc.key)) !== couch._id) {
    return { ok: false, reason: 'its content belongs to another document id' };
  }
  return parsed;
}
