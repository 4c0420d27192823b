/**
 * Opens a database for sync: checks the server and the credentials, then reads the meta document and derives the keys
 * from the passphrase — or, on an empty database, writes a new meta document. A wrong passphrase is refused before
 * anything is written on either side.
 */
import type { SyncKeys } from '../../core/sync/crypto';
import { createMeta, META_ID, parseMeta, unlockMeta } from '../../core/sync/meta';
import { SyncError, type CouchClient } from './couch-client';

/**
 * An opened database: the keys for its passphrase, and what tells it from a database deleted and made again under
 * the same name (the salt of its meta document, drawn afresh for each new database).
 */
export interface UnlockedDatabase {
  keys: SyncKeys;
  instance: string;
}

/** Checks the server and database and answers the keys for `passphrase`. */
export async function unlockDatabase(client: CouchClient, passphrase: string): Promise<UnlockedDatabase> {
  await client.checkServer();
  await client.checkDatabase();
  for (let attempt = 0; attempt < 2; attempt++) {
    const found = await client.get(META_ID);
    if (found === null) {
      const { meta, keys } = await createMeta(passphrase);
      try {
        await client.put({ _id: META_ID, ...meta });
        return { keys, instance: meta.kdf.salt };
      } catch (err) {
        // Another device set the database up at the same moment: use its meta document.
        if (err instanceof SyncError && err.code === 'conflict') continue;
        throw err;
      }
    }
    const meta = parseMeta(found);
    if (meta === null) throw new SyncError('bad-response', 'This database holds data that is not from NetEase Annotator.');
    const keys = await unlockMeta(meta, passphrase);
    if (keys === null)
      throw new SyncError('wrong-passphrase', 'The encryption passphrase is not the one this database was set up with.');
    return { keys, instance: meta.kdf.salt };
  }
  throw new SyncError('conflict', 'The database is being set up by another device; try again.');
}
