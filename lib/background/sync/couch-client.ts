/**
 * A small client of CouchDB's HTTP API (Apache CouchDB 3, Cloudant, PouchDB Server) over `fetch` only, as the MV3
 * service worker has no XMLHttpRequest. Every failure becomes a `SyncError` with a code the options page explains;
 * every answer is checked to have the shape we read before it is used.
 */
import type { SyncErrorCode } from '../../core/sync/status';

export type { SyncErrorCode } from '../../core/sync/status';

/** A failed sync step, with its code. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** Where and as whom to connect. */
export interface CouchConfig {
  /** The server's address, e.g. `https://couch.example.org:6984` (a path prefix is kept). */
  url: string;
  database: string;
  username: string;
  password: string;
}

/** A document as the server holds it. */
export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

/** One row of `_changes` (with `style=all_docs`, `include_docs`, `conflicts`). */
export interface ChangeRow {
  seq: unknown;
  id: string;
  changes: { rev: string }[];
  deleted?: boolean;
  /** Null: a deletion sent without its document (Cloudant and BigCouch do that). */
  doc: CouchDoc | null;
}

/**
 * A document or `_changes` row the server sent without the shape we read (a broken or hostile server): the id it
 * gives (`NO_ID` when it gives none), its revision ('' when none) and what is wrong. Handed back, not thrown, so
 * the rest of the answer is still used and the feed moves past it.
 */
export interface MalformedDoc {
  id: string;
  rev: string;
  reason: string;
}

/** Documents as the server sent them: those of the shape we read, and the malformed. */
export interface ServerDocs {
  docs: CouchDoc[];
  malformed: MalformedDoc[];
}

/** The id a `MalformedDoc` gets when the server's row or document names none. */
export const NO_ID = '(no id)';

/** One result of `_bulk_docs`. */
export type BulkResult = { id: string; ok: true; rev: string } | { id: string; ok: false; error: string };

/** How long one request may take before it counts as a timeout (long polls add their own wait). */
export const REQUEST_TIMEOUT_MS = 30_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with `value` as a document the server sent (null: nothing), its fields that we read checked. */
function docFlaw(value: unknown): string | null {
  if (!isObject(value)) return 'the document is not an object';
  if (typeof value._id !== 'string' || typeof value._rev !== 'string') return 'the document has no _id and _rev strings';
  if (value._deleted !== undefined && typeof value._deleted !== 'boolean') return '_deleted is not true or false';
  const conflicts = value._conflicts;
  if (conflicts !== undefined && !(Array.isArray(conflicts) && conflicts.every((rev) => typeof rev === 'string')))
    return '_conflicts is not a list of revisions';
  return null;
}

/** `value` as a malformed document, named by its own `_id` and `_rev` where they are strings, else by `id`. */
function malformedDoc(value: unknown, id: unknown, reason: string): MalformedDoc {
  const own = isObject(value) ? value : {};
  const name = typeof own._id === 'string' ? own._id : id;
  return { id: typeof name === 'string' ? name : NO_ID, rev: typeof own._rev === 'string' ? own._rev : '', reason };
}

/** Adds `value` (a document the server sent for `id`) to `found`, as a document or as a malformed one. */
function addDoc(found: ServerDocs, value: unknown, id: unknown): void {
  const flaw = docFlaw(value);
  if (flaw === null) found.docs.push(value as CouchDoc);
  else found.malformed.push(malformedDoc(value, id, flaw));
}

/** A database name CouchDB accepts (lower-case letter first). */
export const DATABASE_NAME_RE = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

/** Talks to one database on one server. */
export class CouchClient {
  private readonly base: string;
  private readonly auth: string;

  constructor(
    readonly config: CouchConfig,
    private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init),
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {
    this.base = config.url.replace(/\/+$/, '');
    this.auth = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${config.username}:${config.password}`)))}`;
  }

  private dbPath(path = ''): string {
    return `/${encodeURIComponent(this.config.database)}${path}`;
  }

  /** Sends one request; answers the status and parsed JSON body, or throws a `SyncError`. */
  private async request(
    method: string,
    path: string,
    body?: unknown,
    extra: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<{ status: number; json: unknown }> {
    const timeout = AbortSignal.timeout(extra.timeoutMs ?? this.timeoutMs);
    const signal = extra.signal ? AbortSignal.any([timeout, extra.signal]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchFn(`${this.base}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: this.auth,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'omit',
        redirect: 'error',
      });
      text = await response.text();
    } catch (err) {
      if (extra.signal?.aborted) throw err;
      if (timeout.aborted) throw new SyncError('timeout', 'The server did not answer in time.');
      throw new SyncError('unreachable', 'The server could not be reached.');
    }
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      throw new SyncError(
        response.status >= 500 ? 'server-error' : 'bad-response',
        'The server answered something that is not JSON.',
      );
    }
    return { status: response.status, json };
  }

  /** Turns an error status into its `SyncError`. */
  private fail(status: number, json: unknown, what: string): never {
    const reason = isObject(json) && typeof json.reason === 'string' ? `: ${json.reason}` : '';
    if (status === 401) throw new SyncError('unauthorized', `The server refused the user name or password${reason}.`);
    if (status === 403) throw new SyncError('forbidden', `This user may not ${what}${reason}.`);
    if (status === 404) throw new SyncError('missing-database', `The database does not exist${reason}.`);
    if (status === 409) throw new SyncError('conflict', `The document changed on the server${reason}.`);
    if (status >= 500) throw new SyncError('server-error', `The server failed (${status})${reason}.`);
    throw new SyncError('bad-response', `The server answered ${status} to ${what}${reason}.`);
  }

  /** Checks the server speaks CouchDB (its welcome document) and takes the credentials. */
  async checkServer(): Promise<void> {
    const { status, json } = await this.request('GET', '/').catch((err: unknown) => {
      if (err instanceof SyncError && err.code === 'bad-response')
        throw new SyncError('not-couchdb', 'This address is not a CouchDB server.');
      throw err;
    });
    if (status === 401) this.fail(status, json, 'connect');
    // CouchDB and Cloudant greet with `couchdb`, PouchDB Server with `express-pouchdb`.
    if (status !== 200 || !isObject(json) || !('couchdb' in json || 'express-pouchdb' in json)) {
      throw new SyncError('not-couchdb', 'This address is not a CouchDB server.');
    }
  }

  /** Checks the database exists and the credentials may read it (throws `missing-database`, `unauthorized`…). */
  async checkDatabase(): Promise<void> {
    const { status, json } = await this.request('GET', this.dbPath());
    if (status !== 200 || !isObject(json)) this.fail(status, json, 'read the database');
  }

  /**
   * Creates the database (needs a server admin, or `couch_peruser` has made it already). A refusal, 401 from CouchDB
   * or 403, throws `cannot-create-database`: called after `checkServer` took the credentials, it means this user is
   * not an admin, not that the password is wrong.
   */
  async createDatabase(): Promise<void> {
    const { status, json } = await this.request('PUT', this.dbPath());
    if (status === 401 || status === 403)
      throw new SyncError('cannot-create-database', 'Only a server admin can create a database.');
    if (status !== 201 && status !== 202 && status !== 412) this.fail(status, json, 'create the database');
  }

  /** One document by id (its winning revision with the list of conflicts), or null when there is none. */
  async get(id: string): Promise<CouchDoc | null> {
    const { status, json } = await this.request('GET', this.dbPath(`/${encodeURIComponent(id)}?conflicts=true`));
    if (
      status === 404 &&
      isObject(json) &&
      json.error === 'not_found' &&
      json.reason !== 'no_db_file' &&
      json.reason !== 'Database does not exist.'
    ) {
      return null;
    }
    if (status !== 200 || !isObject(json) || json._id !== id) this.fail(status, json, 'read a document');
    return json as CouchDoc;
  }

  /** Writes one document; throws `conflict` when its `_rev` is not the current one. Answers the new revision. */
  async put(doc: CouchDoc): Promise<string> {
    const { status, json } = await this.request('PUT', this.dbPath(`/${encodeURIComponent(doc._id)}`), doc);
    if ((status !== 201 && status !== 202) || !isObject(json) || typeof json.rev !== 'string') this.fail(status, json, 'write');
    return json.rev as string;
  }

  /**
   * Up to `limit` changes after `since`, each with its winning document, its conflicts and all leaf revisions; the
   * rows or documents without the shape we read are answered apart (`malformed`).
   */
  async changes(
    since: unknown,
    limit: number,
    live?: { signal: AbortSignal; waitMs: number },
  ): Promise<{ results: ChangeRow[]; malformed: MalformedDoc[]; lastSeq: unknown }> {
    const query = new URLSearchParams({
      since: typeof since === 'string' ? since : JSON.stringify(since),
      limit: String(limit),
      include_docs: 'true',
      conflicts: 'true',
      style: 'all_docs',
      ...(live ? { feed: 'longpoll', timeout: String(live.waitMs) } : {}),
    });
    const { status, json } = await this.request('GET', this.dbPath(`/_changes?${query}`), undefined, {
      ...(live ? { timeoutMs: live.waitMs + this.timeoutMs, signal: live.signal } : {}),
    });
    if (status !== 200 || !isObject(json) || !Array.isArray(json.results) || !('last_seq' in json)) {
      this.fail(status === 200 ? 0 : status, json, 'read the changes');
    }
    const results: ChangeRow[] = [];
    const malformed: MalformedDoc[] = [];
    for (const row of json.results as unknown[]) {
      if (!isObject(row) || typeof row.id !== 'string' || !Array.isArray(row.changes)) {
        malformed.push(malformedDoc(null, isObject(row) ? row.id : null, 'not a change row'));
        continue;
      }
      const flaw = row.deleted === true && row.doc === null ? null : docFlaw(row.doc);
      if (flaw === null) results.push(row as unknown as ChangeRow);
      else malformed.push(malformedDoc(row.doc, row.id, flaw));
    }
    return { results, malformed, lastSeq: json.last_seq };
  }

  /** Particular revisions of documents (conflicting leaves); missing ones are left out. */
  async bulkGet(wanted: { id: string; rev: string }[]): Promise<ServerDocs> {
    const found: ServerDocs = { docs: [], malformed: [] };
    if (wanted.length === 0) return found;
    const { status, json } = await this.request('POST', this.dbPath('/_bulk_get'), { docs: wanted });
    if (status !== 200 || !isObject(json) || !Array.isArray(json.results))
      this.fail(status === 200 ? 0 : status, json, 'read documents');
    for (const result of json.results as unknown[]) {
      if (!isObject(result) || !Array.isArray(result.docs)) continue;
      for (const item of result.docs as unknown[]) if (isObject(item) && 'ok' in item) addDoc(found, item.ok, result.id);
    }
    return found;
  }

  /** The current documents (with conflicts) of `ids`; absent and deleted ones are left out. */
  async getMany(ids: string[]): Promise<ServerDocs> {
    const found: ServerDocs = { docs: [], malformed: [] };
    if (ids.length === 0) return found;
    const { status, json } = await this.request('POST', this.dbPath('/_all_docs?include_docs=true&conflicts=true'), {
      keys: ids,
    });
    if (status !== 200 || !isObject(json) || !Array.isArray(json.rows))
      this.fail(status === 200 ? 0 : status, json, 'read documents');
    for (const row of json.rows as unknown[]) {
      if (isObject(row) && row.doc !== undefined && row.doc !== null) addDoc(found, row.doc, row.key);
    }
    return found;
  }

  /** Writes several documents; each answers on its own (a `conflict` error when its `_rev` is stale). */
  async bulkDocs(docs: CouchDoc[]): Promise<BulkResult[]> {
    if (docs.length === 0) return [];
    const { status, json } = await this.request('POST', this.dbPath('/_bulk_docs'), { docs });
    if ((status !== 201 && status !== 200) || !Array.isArray(json)) this.fail(status === 201 ? 0 : status, json, 'write');
    return (json as unknown[]).map((item, i): BulkResult => {
      const id = docs[i]!._id;
      if (isObject(item) && typeof item.rev === 'string' && item.error === undefined) return { id, ok: true, rev: item.rev };
      return { id, ok: false, error: isObject(item) && typeof item.error === 'string' ? item.error : 'unknown' };
    });
  }
}
