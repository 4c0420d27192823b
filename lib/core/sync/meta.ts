/**
 * The one clear-text document on the server, `nea-sync-meta`: how to derive the keys (PBKDF2 parameters and the
 * random salt) and a key check — a known text sealed with the derived key — so a device with the wrong passphrase finds
 * out before it reads or writes anything else.
 */
import * as v from 'valibot';
import {
  deriveKeys,
  fromBase64,
  MIN_PBKDF2_ITERATIONS,
  open,
  randomBytes,
  seal,
  toBase64,
  type Sealed,
  type SyncKeys,
} from './crypto';

/** The meta document's id. */
export const META_ID = 'nea-sync-meta';

/** The text sealed as the key check. */
const KEY_CHECK = 'netease-annotator key check v1';

/** Format of the meta document written by this build. */
export const META_FORMAT = 1;

/** The meta document's content, as stored (without `_id`/`_rev`). */
export interface SyncMeta {
  app: 'netease-annotator';
  format: typeof META_FORMAT;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  check: Sealed;
}

const sealedSchema = v.object({ iv: v.pipe(v.string(), v.maxLength(64)), ct: v.pipe(v.string(), v.maxLength(20_000_000)) });

const metaSchema = v.object({
  app: v.literal('netease-annotator'),
  format: v.literal(META_FORMAT),
  kdf: v.object({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    // A server cannot weaken the derivation: fewer rounds than our minimum (or absurdly many) are refused.
    iterations: v.pipe(v.number(), v.integer(), v.minValue(MIN_PBKDF2_ITERATIONS), v.maxValue(100_000_000)),
    salt: v.pipe(v.string(), v.minLength(16), v.maxLength(128)),
  }),
  check: sealedSchema,
});

/** The schema of a sealed value, for documents too. */
export const sealedValueSchema = sealedSchema;

/** Reads a meta document; null when it is not one of ours in a format we know. */
export function parseMeta(doc: unknown): SyncMeta | null {
  const parsed = v.safeParse(metaSchema, doc);
  return parsed.success ? (parsed.output as SyncMeta) : null;
}

/** A new meta document for a passphrase, with its keys (first device on an empty database). */
export async function createMeta(
  passphrase: string,
  iterations = MIN_PBKDF2_ITERATIONS,
): Promise<{ meta: SyncMeta; keys: SyncKeys }> {
  const salt = randomBytes(16);
  const keys = await deriveKeys(passphrase, salt, iterations);
  const meta: SyncMeta = {
    app: 'netease-annotator',
    format: META_FORMAT,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    check: await seal(keys, META_ID, KEY_CHECK),
  };
  return { meta, keys };
}

/** The keys for `passphrase` if it is the one the meta document was made with; null when it is not. */
export async function unlockMeta(meta: SyncMeta, passphrase: string): Promise<SyncKeys | null> {
  const keys = await deriveKeys(passphrase, fromBase64(meta.kdf.salt), meta.kdf.iterations);
  try {
    return (await open(keys, META_ID, meta.check)) === KEY_CHECK ? keys : null;
  } catch {
    return null;
  }
}
