/**
 * Starts a CouchDB-protocol server for tests: `pouchdb-server --in-memory` on 127.0.0.1 at a free port, in a fresh
 * temporary directory (it writes its config and log there), with a server admin so wrong credentials really get 401.
 * `stop()` ends it and removes the directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A running test server. */
export interface CouchServer {
  /** `http://127.0.0.1:PORT` (no credentials). */
  url: string;
  admin: { username: string; password: string };
  /** Creates a database (as the admin). */
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** The admin every test server gets. */
const ADMIN = { username: 'admin', password: 'test-admin-password' };

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

const basic = (user: { username: string; password: string }): string =>
  `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('pouchdb-server did not start within 60 s');
}

/** Starts a fresh in-memory server; `stop()` it after the tests. */
export async function startCouchServer(): Promise<CouchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nea-couch-'));
  const port = await freePort();
  const bin = resolve(import.meta.dirname, '../node_modules/pouchdb-server/bin/pouchdb-server');
  const child = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child);
    const made = await fetch(`${url}/_config/admins/${ADMIN.username}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
    if (!made.ok) throw new Error(`could not set the admin (${made.status})`);
  } catch (err) {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    admin: ADMIN,
    async createDatabase(name) {
      // This pouchdb-server crashes on an unauthenticated PUT /db once an admin exists: always send the credentials.
      const response = await fetch(`${url}/${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { Authorization: basic(ADMIN) },
      });
      if (!response.ok && response.status !== 412) throw new Error(`could not create ${name} (${response.status})`);
    },
    stop: () =>
      new Promise<void>((done) => {
        const finish = (): void => {
          rmSync(dir, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null) return finish();
        child.once('exit', finish);
        child.kill();
      }),
  };
}
