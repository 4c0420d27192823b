// @vitest-environment node
/** Encryption of synced documents: keys from the passphrase, sealed contents bound to their id, opaque ids, the key check. */
import { describe, expect, it } from 'vitest';
import { deriveKeys, documentId, MIN_PBKDF2_ITERATIONS, open, randomBytes, seal } from '../../../lib/core/sync/crypto';
import { createMeta, parseMeta, unlockMeta } from '../../../lib/core/sync/meta';

describe('sync encryption', () => {
  it('seals a value that only the same keys open, and only under the same document id', async () => {
    const { meta, keys } = await createMeta('passphrase one');
    const sealed = await seal(keys, 'r1', { note: '秘密' });
    expect(JSON.stringify(sealed)).not.toContain('秘密');
    expect(await open(keys, 'r1', sealed)).toEqual({ note: '秘密' });
    await expect(open(keys, 'r2', sealed)).rejects.toThrow();
    const other = await deriveKeys('passphrase two', randomBytes(16), MIN_PBKDF2_ITERATIONS);
    await expect(open(other, 'r1', sealed)).rejects.toThrow();
    // Two seals of one value differ (fresh IV).
    expect((await seal(keys, 'r1', { note: '秘密' })).ct).not.toBe(sealed.ct);
    expect(parseMeta(meta)).toEqual(meta);
  });

  it('derives opaque ids that differ per kind, key and passphrase, and never start with an underscore', async () => {
    const { keys } = await createMeta('passphrase one');
    const { keys: others } = await createMeta('passphrase one');
    const id = await documentId(keys, 'knownWord', '中国');
    expect(id).toMatch(/^r[0-9a-f]{64}$/);
    expect(await documentId(keys, 'knownWord', '中国')).toBe(id);
    expect(await documentId(keys, 'article', '中国')).not.toBe(id);
    // Same passphrase, another salt (another database): other ids.
    expect(await documentId(others, 'knownWord', '中国')).not.toBe(id);
  });

  it('tells a wrong passphrase by the key check, and refuses a meta document that weakens the derivation', async () => {
    const { meta } = await createMeta('the right one');
    expect(await unlockMeta(meta, 'the right one')).not.toBeNull();
    expect(await unlockMeta(meta, 'the wrong one')).toBeNull();
    expect(parseMeta({ ...meta, kdf: { ...meta.kdf, iterations: 1_000 } })).toBeNull();
    expect(meta.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    await expect(deriveKeys('x', randomBytes(16), 100_000)).rejects.toThrow();
  });
});
