/**
 * Sync wired into the extension's background: its state in its own IndexedDB database, a round soon after each local
 * write, on the `nea-sync` alarm (so sync resumes after the service worker slept) and at start-up, the live feed while
 * an extension page holds a `sync-live` port or a tab shows a NetEase article, and tabs told when a round changed
 * their article's annotations or the known words.
 */
import { browser } from 'wxt/browser';
import { SyncDb, syncConnectionIn, syncStateIn } from '../../../storage/sync-db';
import { articleIdFromUrl } from '../../core/netease/article-id';
import { SyncService } from './sync-service';
import type { SyncStore } from './sync-store';

/** The alarm that wakes sync up. */
export const SYNC_ALARM = 'nea-sync';

/** Minutes between alarm rounds. */
const ALARM_PERIOD_MINUTES = 5;

/** The port name extension pages connect with to keep the live feed running while they are open. */
export const SYNC_LIVE_PORT = 'sync-live';

/** Who to tell when a round wrote records locally. */
export interface SyncNotices {
  annotationsChanged(articleId: string): Promise<void>;
  knownWordsChanged(): Promise<void>;
}

/** `store` with every remote write announced to the tabs it concerns. */
function announcing(store: SyncStore, notices: SyncNotices): SyncStore {
  const tell = (task: Promise<void>) => task.catch((err: unknown) => console.error('[netease-annotator]', err));
  return {
    changesSince: (seq, limit) => store.changesSince(seq, limit),
    lastSeq: () => store.lastSeq(),
    read: (kind, key) => store.read(kind, key),
    subscribe: (listener) => store.subscribe(listener),
    async applyRemote(kind, key, record) {
      const before = kind === 'annotation' ? ((await store.read(kind, key)) as { articleId?: string } | null) : null;
      await store.applyRemote(kind, key, record);
      const articleId = (record as { articleId?: string } | null)?.articleId ?? before?.articleId;
      if (kind === 'annotation' && articleId) void tell(notices.annotationsChanged(articleId));
      if (kind === 'knownWord') void tell(notices.knownWordsChanged());
    },
  };
}

/**
 * Starts sync over `store` (the change feed). Call it synchronously in the background's start so the alarm and port
 * listeners are registered before the events that woke the worker are delivered.
 */
export function startExtensionSync(store: SyncStore, notices: SyncNotices): SyncService {
  const db = new SyncDb();
  const connection = syncConnectionIn(db);
  const service = new SyncService({
    store: announcing(store, notices),
    state: syncStateIn(db),
    connection,
    onTurnedOn: () => goLive(),
  });
  const whenOn = (task: () => unknown) =>
    void connection.read().then((saved) => (saved ? task() : undefined), (err: unknown) => console.error('[netease-annotator]', err));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) whenOn(() => service.syncNow().then(goLive));
  });
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
  service.watchLocalWrites();

  const pages = browser.runtime.getURL('/');
  let ports = 0;
  let live: AbortController | null = null;
  /** Someone is looking: an extension page holds the port, or a tab shows a NetEase article. */
  const wanted = async (): Promise<boolean> =>
    ports > 0 || (await browser.tabs.query({})).some((tab) => tab.url !== undefined && articleIdFromUrl(tab.url) !== null);
  /** Runs the live feed unless it runs already; it stops by itself when no one is looking. */
  const goLive = (): void => {
    if (live !== null) return;
    const controller = new AbortController();
    live = controller;
    void service.live(controller.signal, wanted).finally(() => {
      if (live === controller) live = null;
    });
  };
  browser.runtime.onConnect.addListener((port) => {
    // Only our own pages (a content script's port has a 163.com address).
    if (port.name !== SYNC_LIVE_PORT || port.sender?.id !== browser.runtime.id || !port.sender.url?.startsWith(pages)) return;
    ports++;
    whenOn(goLive);
    port.onDisconnect.addListener(() => {
      ports--;
    });
  });
  // An article page loading (our content script runs there) starts the feed, as do the alarm and start-up below.
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (change.status === 'complete' && tab.url !== undefined && articleIdFromUrl(tab.url) !== null) whenOn(goLive);
  });
  whenOn(() => service.syncNow().then(goLive));
  return service;
}
