/**
 * Sync wired into the extension's background: its state in its own IndexedDB database, a round soon after each local
 * write, on the `nea-sync` alarm (so sync resumes after the service worker slept) and at start-up, the live feed while
 * an extension page holds a `sync-live` port or a tab shows a NetEase article. Tabs and pages learn of the records a
 * round wrote from the change feed itself, as of any other write; pages also hear of a round that wrote to the server.
 */
import { browser } from 'wxt/browser';
import { SyncDb, syncConnectionIn, syncStateIn } from '../../../storage/sync-db';
import { articleIdFromUrl } from '../../core/netease/article-id';
import { tellExtensionPages } from '../../extension/messaging/client';
import { SYNC_LIVE_PORT } from '../../extension/messaging/sync-port';
import { SyncService } from './sync-service';
import type { SyncStore } from './sync-store';

/** The alarm that wakes sync up. */
export const SYNC_ALARM = 'nea-sync';

/** Minutes between alarm rounds. */
const ALARM_PERIOD_MINUTES = 5;

/**
 * Starts sync over `store` (the change feed). Call it synchronously in the background's start so the alarm and port
 * listeners are registered before the events that woke the worker are delivered. The alarm exists only while sync is
 * on: a reader who never turns it on is not woken every five minutes.
 */
export function startExtensionSync(store: SyncStore): SyncService {
  const db = new SyncDb();
  const connection = syncConnectionIn(db);
  const service = new SyncService({
    store,
    state: syncStateIn(db),
    connection,
    onTurnedOn: () => {
      startAlarm();
      goLive();
    },
    onTurnedOff: () => void browser.alarms.clear(SYNC_ALARM),
    // The earlier versions the library shows (kept with each record's last merge) changed: pages read them again.
    onHistoryChanged: () => void tellExtensionPages({ kinds: [], articleIds: [], syncHistory: true }),
  });
  /** Creates the alarm unless it exists (creating it again would put its next time off, at every worker start). */
  const startAlarm = (): void =>
    void browser.alarms
      .get(SYNC_ALARM)
      .then((alarm) => (alarm ? undefined : browser.alarms.create(SYNC_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES })));
  const whenOn = (task: () => unknown) =>
    void connection.read().then(
      (saved) => (saved ? task() : undefined),
      (err: unknown) => console.error('[netease-annotator]', err),
    );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) whenOn(() => service.syncNow().then(goLive));
  });
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
  whenOn(() => {
    startAlarm();
    return service.syncNow().then(goLive);
  });
  return service;
}
