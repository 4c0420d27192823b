/**
 * One device's sync rounds against one database: push local changes since the local checkpoint, pull the server's
 * changes since the remote checkpoint, push again what the pull left waiting. Every record is merged field by field
 * (`lib/core/sync/sync-doc.ts`) with all of the server's leaf revisions, written back as one revision with the losing
 * leaves deleted, so CouchDB conflicts resolve the same way on every device. Checkpoints move only after a batch is
 * applied and written; a batch cut short is read again and merges to the same result, so nothing is lost or applied twice.
 * Remote documents that fail to open or validate are quarantined (reported) and never written locally.
 */
import { sameJson } from '../../core/sync/canonical-json';
import { annotationHistoryOf, type AnnotationHistory } from '../../core/sync/annotation-history';
import { documentId, type SyncKeys } from '../../core/sync/crypto';
import { HybridClock } from '../../core/sync/hlc';
import { META_ID } from '../../core/sync/meta';
import { fieldsOf, projectDoc } from '../../core/sync/record-codec';
import {
  earlierVersions,
  emptyDoc,
  latestStamp,
  type EarlierVersion,
  mergeDocs,
  refillRemoved,
  stampLocal,
  type RecordKind,
  type SyncDoc,
} from '../../core/sync/sync-doc';
import { SyncError, type CouchClient, type CouchDoc, type ServerDocs } from './couch-client';
import { openDoc, sealDoc } from './sealed-doc';
import type { Base, Progress, QuarantinedDoc, RecordRef, SyncStateStore } from './sync-state';
import type { SyncStore } from './sync-store';
import { say } from '../../extension/i18n';

/** Records per batch (one `_changes` page, one `_bulk_docs`). */
export const SYNC_BATCH_SIZE = 1000;

/** Times a record written here while sync merged it is read and merged again before the push is left to send it. */
const STALE_RETRIES = 3;

/** Times a batch's conflicted documents are read again and merged before they wait for the next round. */
const CONFLICT_RETRIES = 3;

/** What one round did. */
export interface RoundReport {
  /** Documents written to the server. */
  pushed: number;
  /** Server changes read. */
  pulled: number;
  /** Local records written from the server. */
  applied: number;
  /** Remote documents refused in this round. */
  quarantined: number;
  /** Local changes still waiting (they failed to write and go next round). */
  waiting: number;
}

/** What the engine works with. */
export interface SyncEngineDeps {
  store: SyncStore;
  state: SyncStateStore;
  client: CouchClient;
  keys: SyncKeys;
  /** This device's id (random, kept with the sync state). */
  device: string;
  now?: () => number;
  batchSize?: number;
}

/** What the server holds for one record: the winning revision and every valid leaf. */
interface RemoteState {
  rev: string | null;
  docs: SyncDoc[];
  /** Valid leaves other than the winner: deleted when the merge is written. */
  losing: string[];
  /** The winner's content as it is on the server (null: absent or invalid). */
  winner: SyncDoc | null;
}

/** A merge to write. */
interface Plan {
  kind: RecordKind;
  key: string;
  merged: SyncDoc;
  rev: string | null;
  losing: string[];
  /** When the local edit in it was made. */
  at: number;
}

/** A record to reconcile: its local edit was made at `at`; `remote` is what the server holds (null: the base). */
interface Reconcile {
  kind: RecordKind;
  key: string;
  at: number;
  remote: RemoteState | null;
}

/** A batch's bases and local records, in its order (null: none), and the feed's last seq before they were read. */
interface LocalState {
  bases: (Base | null)[];
  locals: unknown[];
  readAt: number;
}

/** A batch of the pull: its records, the server's seq after it, and whether more may follow. */
interface PullBatch {
  items: Reconcile[];
  lastSeq: unknown;
  more: boolean;
}

/** A record's merge, before anything is written. */
interface Merge {
  item: Reconcile;
  /** The base it was merged from (null: none yet). */
  base: Base | null;
  merged: SyncDoc;
  /** The record local data should hold (null: removed). */
  record: unknown;
  /** Local data differs from it. */
  apply: boolean;
  rev: string | null;
  /** The server lacks it. */
  toWrite: boolean;
}

const recordId = (kind: RecordKind, key: string): string => `${kind}\u0000${key}`;

/**
 * Marks work started ahead of its turn as handled: a round that fails first leaves it unawaited, and its own failure
 * is not the round's to report (where it is awaited, it still throws). Answers the same promise.
 */
function ahead<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/** Runs rounds; one at a time. */
export class SyncEngine {
  private readonly now: () => number;
  private readonly batchSize: number;
  private clock: HybridClock;
  private report: RoundReport = { pushed: 0, pulled: 0, applied: 0, quarantined: 0, waiting: 0 };
  /**
   * This round's own writes to local data: the feed seq each record got when the pull stored it. The push skips a
   * change with that very seq when the record's base is settled (the server holds it): merging would change nothing.
   */
  private ownWrites = new Map<string, number>();
  /** Records whose base, as last saved this round, the server holds (not pending). */
  private settled = new Set<string>();

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? Date.now;
    this.batchSize = deps.batchSize ?? SYNC_BATCH_SIZE;
    this.clock = new HybridClock(deps.device);
  }

  /** One full round. Throws a `SyncError` when the server fails; what was done before stays done. */
  async round(): Promise<RoundReport> {
    this.report = { pushed: 0, pulled: 0, applied: 0, quarantined: 0, waiting: 0 };
    this.ownWrites = new Map();
    this.settled = new Set();
    await this.deps.client.checkDatabase();
    const progress = await this.deps.state.progress();
    this.clock = new HybridClock(this.deps.device, progress.clock);
    await this.push(progress);
    await this.pull(progress);
    await this.push(progress);
    return { ...this.report };
  }

  /** What sync knows of one record beyond its current value: earlier versions, and whether an edit outlived a delete. */
  async recordInfo(kind: RecordKind, key: string): Promise<{ versions: EarlierVersion[]; keptAfterDelete: boolean }> {
    const [base] = await this.deps.state.baseMany([{ kind, key }]);
    if (!base) return { versions: [], keptAfterDelete: false };
    const projection = projectDoc(base.doc);
    return { versions: earlierVersions(base.doc), keptAfterDelete: projection.ok && projection.keptAfterDelete };
  }

  /** Every annotation with history to show (earlier versions, kept after a delete), as the library lists them. */
  async annotationHistory(): Promise<AnnotationHistory[]> {
    const bases = await this.deps.state.bases('annotation');
    return bases
      .map(({ base }) => annotationHistoryOf(base.doc, this.deps.device))
      .filter((item): item is AnnotationHistory => item !== null);
  }

  /** Local changes not yet on the server (for the status line). */
  async waiting(): Promise<number> {
    const progress = await this.deps.state.progress();
    return this.deps.store.countSince(progress.localSeq);
  }

  private async saveProgress(progress: Progress): Promise<void> {
    progress.clock = this.clock.history;
    await this.deps.state.saveProgress(progress);
  }

  /**
   * Pushes the local changes after the checkpoint, a batch at a time. A change that could not be written (its server
   * document kept changing, or cannot be read here) keeps the checkpoint before it, so it goes again next round, but
   * does not hold back the changes after it: they are written now, and met again next round they merge to what their
   * bases hold and are not written twice.
   */
  private async push(progress: Progress): Promise<void> {
    let after = progress.localSeq;
    let held = false;
    let left = 0;
    for (;;) {
      const changes = await this.deps.store.changesSince(after, this.batchSize);
      if (changes.length === 0) break;
      // What the pull just stored, with the server holding it, has nothing to push: it is not read or merged again.
      const unsettled = changes.filter(({ kind, key, seq }) => {
        const id = recordId(kind, key);
        return !(this.ownWrites.get(id) === seq && this.settled.has(id));
      });
      // One row per record, so the records of a batch are reconciled side by side (crypto runs in parallel).
      const plans = await this.reconcile(unsettled.map(({ kind, key, at }) => ({ kind, key, at, remote: null })));
      const unwritten = new Set((await this.write(plans)).map(({ kind, key }) => recordId(kind, key)));
      left += unwritten.size;
      if (!held) {
        const first = changes.find(({ kind, key }) => unwritten.has(recordId(kind, key)));
        held = first !== undefined;
        progress.localSeq = first ? first.seq - 1 : changes[changes.length - 1]!.seq;
        await this.saveProgress(progress);
      }
      after = changes[changes.length - 1]!.seq;
      if (changes.length < this.batchSize) break;
    }
    this.report.waiting = left;
  }

  /**
   * Pulls batch after batch, three stages side by side: the server and the crypto read and open the batch after next,
   * the engine merges the next batch, and IndexedDB writes the current one. A batch's local records and bases are read
   * before the batch ahead of it is written, unless it names a record of that batch (a document changed while the
   * feed was paged through comes again): then they are read after that write, so its merge starts from the base the
   * write saved. Each batch is still written and checkpointed in order, after the one before it.
   */
  private async pull(progress: Progress): Promise<void> {
    let next = this.fetchBatch(progress.remoteSeq);
    let batch = await this.nextBatch(next);
    if (batch.more) next = ahead(this.fetchBatch(batch.lastSeq));
    let reads = this.readLocal(batch.items);
    let committing: Promise<void> = Promise.resolve();
    for (;;) {
      const local = await reads;
      const merges = await this.mergeAll(batch.items, local);
      await committing;
      // The batch after this one failing to arrive ends the round, once this one is written and checkpointed.
      const arrived = batch.more
        ? await this.nextBatch(next).then(
            (following) => ({ following }),
            (error: unknown) => ({ error }),
          )
        : null;
      const following = arrived && 'following' in arrived ? arrived.following : null;
      if (following?.more) next = ahead(this.fetchBatch(following.lastSeq));
      const inBatch = new Set(batch.items.map(({ kind, key }) => recordId(kind, key)));
      const again = following?.items.some(({ kind, key }) => inBatch.has(recordId(kind, key))) ?? false;
      if (following && !again) reads = ahead(this.readLocal(following.items));
      const { lastSeq } = batch;
      committing = this.commit(merges, local.readAt)
        .then((plans) => this.write(plans))
        .then(() => {
          progress.remoteSeq = lastSeq;
          return this.saveProgress(progress);
        });
      if (following && again) reads = ahead(committing.then(() => this.readLocal(following.items)));
      if (following === null) {
        await committing;
        if (arrived && 'error' in arrived) throw arrived.error;
        return;
      }
      // Its failure ends the round at the next `await committing`.
      ahead(committing);
      batch = following;
    }
  }

  /** A fetched batch as the pull works on it. */
  private async nextBatch(fetched: ReturnType<SyncEngine['fetchBatch']>): Promise<PullBatch> {
    const { count, lastSeq, remotes } = await fetched;
    this.report.pulled += count;
    return {
      more: count >= this.batchSize,
      lastSeq,
      items: remotes.map(({ kind, key, remote }) => ({ kind, key, at: this.now(), remote })),
    };
  }

  /**
   * One `_changes` page after `since`, its documents opened (see `remoteStates`). Its malformed rows count as read and
   * are refused, so the checkpoint moves past them with the rest of the page.
   */
  private async fetchBatch(
    since: unknown,
  ): Promise<{ count: number; lastSeq: unknown; remotes: { kind: RecordKind; key: string; remote: RemoteState }[] }> {
    const { results, malformed, lastSeq } = await this.deps.client.changes(since, this.batchSize);
    const ours = (id: string): boolean => id !== META_ID && !id.startsWith('_');
    const remotes = await this.remoteStates({
      docs: results.flatMap((row) => (ours(row.id) && row.doc !== null ? [row.doc] : [])),
      malformed: malformed.filter((item) => ours(item.id)),
    });
    return { count: results.length + malformed.length, lastSeq, remotes };
  }

  /** Opens the server documents and their conflicting leaves; refuses (quarantines) those that fail or are malformed. */
  private async remoteStates({ docs, malformed }: ServerDocs): Promise<{ kind: RecordKind; key: string; remote: RemoteState }[]> {
    const { client, keys } = this.deps;
    const wanted = docs.flatMap((doc) => (doc._conflicts ?? []).map((rev) => ({ id: doc._id, rev })));
    const { docs: leaves, malformed: malformedLeaves } = await client.bulkGet(wanted);
    for (const item of [...malformed, ...malformedLeaves]) await this.refuse(item);
    const out: { kind: RecordKind; key: string; remote: RemoteState }[] = [];
    const openedAll = await Promise.all(
      docs.map((doc) =>
        Promise.all(
          [doc, ...leaves.filter((item) => item._id === doc._id)]
            .filter((leaf) => !leaf._deleted)
            .map(async (leaf) => ({ leaf, result: await openDoc(keys, leaf) })),
        ),
      ),
    );
    for (const [i, doc] of docs.entries()) {
      const opened: { rev: string; doc: SyncDoc }[] = [];
      for (const { leaf, result } of openedAll[i]!) {
        if (result.ok) opened.push({ rev: leaf._rev ?? '', doc: result.doc });
        else await this.refuse({ id: leaf._id, rev: leaf._rev ?? '', reason: result.reason });
      }
      if (opened.length === 0) continue;
      const winnerOpened = opened.find((item) => item.rev === doc._rev) ?? null;
      out.push({
        kind: opened[0]!.doc.kind,
        key: opened[0]!.doc.key,
        remote: {
          rev: doc._deleted ? null : (doc._rev ?? null),
          docs: opened.map((item) => item.doc),
          losing: opened.filter((item) => item.rev !== doc._rev).map((item) => item.rev),
          winner: winnerOpened?.doc ?? null,
        },
      });
    }
    return out;
  }

  /** Quarantines a server document or row that is malformed or does not open, and counts it in the report. */
  private async refuse(doc: Omit<QuarantinedDoc, 'at'>): Promise<void> {
    this.report.quarantined++;
    await this.deps.state.quarantine({ ...doc, at: this.now() });
  }

  /**
   * Merges each record's base, its local edit (stamped now) and the server's leaves (`remote`; null: the server is
   * assumed to hold the base), writes the results that differ locally (in one write), and answers what to write to the
   * server. The records of a batch are read, written and their bases saved together: a transaction each, not one per
   * record, which is what a first sync of thousands of records spends its time on.
   */
  private async reconcile(items: readonly Reconcile[], staleRetries = STALE_RETRIES): Promise<Plan[]> {
    if (items.length === 0) return [];
    const local = await this.readLocal(items);
    return this.commit(await this.mergeAll(items, local), local.readAt, staleRetries);
  }

  /** The bases and local records of `items`, read together after the feed's last seq (see `commit`). */
  private async readLocal(items: readonly Reconcile[]): Promise<LocalState> {
    if (items.length === 0) return { bases: [], locals: [], readAt: 0 };
    const readAt = await this.deps.store.lastSeq();
    const [bases, locals] = await Promise.all([this.deps.state.baseMany(items), this.deps.store.readMany(items)]);
    return { bases, locals, readAt };
  }

  /** Each item's merge (see `merge`), from its base and local record. */
  private async mergeAll(items: readonly Reconcile[], { bases, locals }: LocalState): Promise<Merge[]> {
    const merges: Merge[] = [];
    for (const [i, item] of items.entries()) {
      const merge = await this.merge(item, bases[i] ?? null, locals[i] ?? null);
      if (merge) merges.push(merge);
    }
    return merges;
  }

  /**
   * Writes the merges that differ locally (in one write) and their bases (in one more), and answers what to write to
   * the server. `readAt` is the feed's last seq before the merged local records were read: a record written here since
   * (the reader edited it while sync merged) is not overwritten: it is read and merged again with the same server
   * state, up to `staleRetries` times, so neither the newer write nor the server's change is lost.
   */
  private async commit(merges: readonly Merge[], readAt: number, staleRetries = STALE_RETRIES): Promise<Plan[]> {
    const { state } = this.deps;
    const applying = merges.filter((merge) => merge.apply);
    const outcomes = await this.deps.store.applyRemoteMany(
      applying.map(({ item, record }) => ({ kind: item.kind, key: item.key, record })),
      readAt,
    );
    const dropped = new Set<Merge>();
    const stale: Reconcile[] = [];
    for (const [i, merge] of applying.entries()) {
      const outcome = outcomes[i]!;
      if ('seq' in outcome) {
        this.report.applied++;
        if (outcome.seq !== null) this.ownWrites.set(recordId(merge.item.kind, merge.item.key), outcome.seq);
        continue;
      }
      dropped.add(merge);
      if ('stale' in outcome) {
        stale.push(merge.item);
        continue;
      }
      // The store refused the record (its own checks): report it, keep local data, leave the server as it is.
      await this.quarantineMerge(merge.item, `refused by local storage (${outcome.refused})`);
    }
    const kept = merges.filter((merge) => !dropped.has(merge));
    // The base follows what local data now holds, at once: a round cut short before the write does not take the
    // merged values for local edits next time (with new stamps); `pending` says the server still lacks them. Bases
    // that stay as they were (a record the pull just wrote, met again by the push) are not written again.
    const unchanged = ({ base, merged, rev, toWrite }: Merge): boolean =>
      base !== null && base.rev === rev && base.pending === toWrite && sameJson(base.doc, merged);
    for (const { item, toWrite } of kept) this.noteBase(item, toWrite);
    await state.saveBaseMany(
      kept
        .filter((merge) => !unchanged(merge))
        .map(({ item, merged, rev, toWrite }) => ({
          kind: item.kind,
          key: item.key,
          base: { doc: merged, rev, pending: toWrite },
        })),
    );
    const plans = kept
      .filter((merge) => merge.toWrite)
      .map(({ item, merged, rev }) => ({
        kind: item.kind,
        key: item.key,
        merged,
        rev,
        losing: item.remote?.losing ?? [],
        at: item.at,
      }));
    // A record rewritten here faster than it can be merged is left to the push: its newer write is in the feed, and
    // the push merges it with the server's state (its base is older than the server's revision, which conflicts).
    if (stale.length === 0 || staleRetries === 0) return plans;
    return [...plans, ...(await this.reconcile(stale, staleRetries - 1))];
  }

  /** Notes whether the base just saved for a record is one the server holds. */
  private noteBase({ kind, key }: RecordRef, pending: boolean): void {
    if (pending) this.settled.delete(recordId(kind, key));
    else this.settled.add(recordId(kind, key));
  }

  /** One record's merge (null: it merges into something we cannot store, which is quarantined). */
  private async merge(item: Reconcile, base: Base | null, local: unknown): Promise<Merge | null> {
    const { kind, key, at, remote } = item;
    const baseDoc = base?.doc ?? emptyDoc(kind, key);
    const baseProjection = projectDoc(baseDoc);
    const before = fieldsOf(kind, baseProjection.ok ? baseProjection.record : null);
    const localDoc = stampLocal(baseDoc, before, fieldsOf(kind, local), this.clock, at);
    const union = (remote?.docs ?? []).reduce<SyncDoc>((acc, doc) => mergeDocs(acc, doc), mergeDocs(localDoc, null));
    const latest = latestStamp(union);
    if (latest) this.clock.observe(latest, this.now());
    const merged = refillRemoved(union, fieldsOf(kind, local), this.clock, this.now());
    const projection = projectDoc(merged);
    if (!projection.ok) {
      // The fields merge into something we cannot store: keep local data, report, and leave the server as it is.
      await this.quarantineMerge(item, `merged record is invalid (${say(projection.reason)})`);
      return null;
    }
    const rev = remote ? remote.rev : (base?.rev ?? null);
    const onServer = remote ? remote.winner : base?.rev && !base.pending ? baseDoc : null;
    const unchanged = onServer !== null && sameJson(onServer, merged);
    const nothingToSay = onServer === null && Object.keys(merged.fields).length === 0;
    return {
      item,
      base,
      merged,
      record: projection.record,
      // The whole record, its derived time too: the editing device then takes the time of its edit's stamp, as every
      // other device does, where its hybrid clock ran ahead of its wall clock (another device's clock was ahead).
      apply: !sameJson(projection.record, local),
      rev,
      toWrite: !((unchanged || nothingToSay) && (remote?.losing.length ?? 0) === 0),
    };
  }

  private async quarantineMerge({ kind, key, remote }: Reconcile, reason: string): Promise<void> {
    this.report.quarantined++;
    await this.deps.state.quarantine({ id: `${kind}:${key}`, rev: remote?.rev ?? '', reason, at: this.now() });
  }

  /** Writes merges in one `_bulk_docs`; conflicts are read again and merged. Answers those that could not be written. */
  private async write(plans: Plan[]): Promise<Plan[]> {
    let pending = plans;
    for (let attempt = 0; attempt <= CONFLICT_RETRIES && pending.length > 0; attempt++) {
      const docs: CouchDoc[] = [];
      const mainIndex: number[] = [];
      const sealed = await Promise.all(pending.map((plan) => sealDoc(this.deps.keys, plan.merged, plan.rev)));
      for (const [i, plan] of pending.entries()) {
        mainIndex.push(docs.length);
        docs.push(sealed[i]!);
        for (const rev of plan.losing) docs.push({ _id: sealed[i]!._id, _rev: rev, _deleted: true });
      }
      const results = await this.deps.client.bulkDocs(docs);
      const conflicted: Plan[] = [];
      const written: { kind: RecordKind; key: string; base: Base }[] = [];
      let failure: SyncError | null = null;
      for (const [i, plan] of pending.entries()) {
        const result = results[mainIndex[i]!];
        if (result?.ok) {
          written.push({ kind: plan.kind, key: plan.key, base: { doc: plan.merged, rev: result.rev, pending: false } });
          this.report.pushed++;
        } else if (result?.error === 'conflict') {
          conflicted.push(plan);
        } else {
          failure =
            result?.error === 'forbidden' || result?.error === 'unauthorized'
              ? new SyncError('forbidden', 'The server refused to store a document.')
              : new SyncError('server-error', `The server did not store a document (${result?.error ?? 'no answer'}).`);
          break;
        }
      }
      // What the server stored is recorded before a failure ends the round.
      for (const { kind, key } of written) this.noteBase({ kind, key }, false);
      await this.deps.state.saveBaseMany(written);
      if (failure) throw failure;
      if (conflicted.length === 0 || attempt === CONFLICT_RETRIES) return conflicted;
      pending = await this.refetch(conflicted);
    }
    return pending;
  }

  /** Reads the server's current state of conflicted records and merges again. */
  private async refetch(conflicted: Plan[]): Promise<Plan[]> {
    const ids = await Promise.all(conflicted.map((plan) => documentId(this.deps.keys, plan.kind, plan.key)));
    const current = await this.deps.client.getMany(ids);
    const states = await this.remoteStates(current);
    const empty: RemoteState = { rev: null, docs: [], losing: [], winner: null };
    const plans = await this.reconcile(
      conflicted.map(({ kind, key, at }) => ({
        kind,
        key,
        at,
        remote: states.find((item) => item.kind === kind && item.key === key)?.remote ?? empty,
      })),
    );
    return plans;
  }
}
