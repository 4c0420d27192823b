/**
 * Starts a CouchDB-protocol server for tests: `pouchdb-server` on 127.0.0.1 at a free port, in a fresh temporary
 * directory (it writes its config and log there, and its databases unless they are in memory), with a server admin so
 * wrong credentials really get 401. `stop()` ends it and removes the directory; a server on disk can also be stopped
 * and started again with its data (`pause()`, `resume()`), as a reader's server goes down and comes back.
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
  /** Stops the server process, keeping its files (on disk: its databases). */
  pause(): Promise<void>;
  /** Starts it again on the same port and files; resolves when it answers. */
  resume(): Promise<void>;
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

/** Ends `child` (if it still runs); resolves once it has exited. */
const ended = (child: ChildProcess): Promise<void> =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill();
  });

/**
 * Starts a fresh server; `stop()` it after the tests. In memory unless `onDisk` (slower to write, but its data
 * outlives `pause()`).
 */
export async function startCouchServer({ onDisk = false }: { onDisk?: boolean } = {}): Promise<CouchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nea-couch-'));
  const port = await freePort();
  const bin = resolve(import.meta.dirname, '../node_modules/pouchdb-server/bin/pouchdb-server');
  const args = [bin, ...(onDisk ? ['--dir', dir] : ['--in-memory']), '--host', '127.0.0.1', '--port', String(port)];
  const url = `http://127.0.0.1:${port}`;
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore' });
    try {
      await waitUntilUp(url, child);
    } catch (err) {
      await ended(child);
      throw err;
    }
    return child;
  };
  let child: ChildProcess;
  try {
    child = await launch();
    // The admin is kept in the server's config file in `dir`, so it survives `pause()`.
    const made = await fetch(`${url}/_config/admins/${ADMIN.username}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
    if (!made.ok) {
      await ended(child);
      throw new Error(`could not set the admin (${made.status})`);
    }
  } catch (err) {
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
    pause: () => ended(child),
    async resume() {
      await ended(child);
      child = await launch();
    },
    async stop() {
      await ended(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
