/**
 * The background's answers to sync requests, all from extension pages only: a content script (which a hostile page
 * can talk to) never reads the status, sets up a server or starts a round.
 */
import type { BackgroundRequests } from '../../extension/messaging/messages';
import type { Handlers } from '../../extension/messaging/dispatch';
import type { SyncStatus } from '../../core/sync/status';
import type { SyncService } from '../sync/sync-service';

/** What the sync handlers work with. */
export type SyncBackend = Pick<SyncService, 'status' | 'turnOn' | 'syncNow' | 'turnOff'>;

/** The message types answered here. */
type SyncType = 'sync/status' | 'sync/turn-on' | 'sync/now' | 'sync/turn-off';

/** Every sync request: extension pages only. */
export const SYNC_PAGE_ONLY: readonly SyncType[] = ['sync/status', 'sync/turn-on', 'sync/now', 'sync/turn-off'];

/** What the sync messages answer in a build whose background has no change feed to sync. */
const NOT_WIRED: SyncStatus = {
  state: 'off',
  server: null,
  lastSyncedAt: null,
  waiting: 0,
  quarantined: 0,
  error: { code: 'unavailable', message: 'Sync is not available in this build.' },
};

/** Handlers for the sync messages, to merge into the background router's (`backend` absent: sync is unavailable). */
export function createSyncHandlers(backend: SyncBackend | undefined): Pick<Handlers<BackgroundRequests, unknown>, SyncType> {
  if (backend === undefined) {
    const answer = () => NOT_WIRED;
    return { 'sync/status': answer, 'sync/turn-on': answer, 'sync/now': answer, 'sync/turn-off': answer };
  }
  return {
    'sync/status': () => backend.status(),
    'sync/turn-on': (request) => backend.turnOn(request),
    'sync/now': () => backend.syncNow(),
    'sync/turn-off': () => backend.turnOff(),
  };
}
