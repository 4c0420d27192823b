/**
 * End-to-end encryption of synced documents with WebCrypto only (service worker, extension pages and Node alike).
 * The passphrase gives, through PBKDF2-SHA-256 with a random salt kept on the server, 512 bits: an AES-GCM key for the
 * contents and an HMAC-SHA-256 key for document ids, so the server learns neither what a record says nor which
 * article, word or annotation it is about. Each document is sealed with a fresh 96-bit IV and its own id as
 * additional data: a server that swaps two documents' contents is caught when they are opened.
 */

/** The fewest PBKDF2 iterations we derive with or accept from a server's meta document (OWASP 2023 for SHA-256). */
export const MIN_PBKDF2_ITERATIONS = 600_000;

/** The keys derived from one passphrase and salt. Both non-extractable. */
export interface SyncKeys {
  encrypt: CryptoKey;
  ids: CryptoKey;
}

/** A sealed value: base64 IV and ciphertext (with the GCM tag). */
export interface Sealed {
  iv: string;
  ct: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Base64 of bytes (standard alphabet, padded). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bytes of base64 text; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `length` random bytes from the platform's CSPRNG. */
export const randomBytes = (length: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(length));

/** Derives the two keys from a passphrase (slow on purpose: `iterations` rounds of PBKDF2-SHA-256). */
export async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<SyncKeys> {
  if (iterations < MIN_PBKDF2_ITERATIONS) throw new Error(`PBKDF2 needs at least ${MIN_PBKDF2_ITERATIONS} iterations.`);
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512));
  const [encrypt, ids] = await Promise.all([
    crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  bits.fill(0);
  return { encrypt, ids };
}

/** Seals `value` (as JSON) for the document `id`. */
export async function seal(keys: SyncKeys, id: string, value: unknown): Promise<Sealed> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
    keys.encrypt,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Opens a sealed value of document `id`; throws when the key is wrong, the text was altered or moved, or is not JSON. */
export async function open(keys: SyncKeys, id: string, sealed: Sealed): Promise<unknown> {
  const iv = fromBase64(sealed.iv);
  if (iv.length !== 12) throw new Error('The IV must be 12 bytes.');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
    keys.encrypt,
    fromBase64(sealed.ct),
  );
  return JSON.parse(decoder.decode(plain)) as unknown;
}

/** The server-side id of a record: HMAC of its kind and key, hex (never starts with `_`, reveals nothing). */
export async function documentId(keys: SyncKeys, kind: string, key: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.ids, encoder.encode(`${kind}\u0000${key}`)));
  return `r${Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
