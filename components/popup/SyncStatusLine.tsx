import type { SyncStatus } from '../../lib/core/sync/status';
import { syncStatusText } from '../shared/sync-status-text';

/** The popup's one line about sync (synced when, syncing, offline with N waiting, or the error); nothing while it is off. */
export function SyncStatusLine({ status }: { status: SyncStatus | null }) {
  if (status === null || status.state === 'off') return null;
  return (
    <p class={status.state === 'error' ? 'sync-line error' : 'sync-line'} role="status">
      {syncStatusText(status)}
    </p>
  );
}
