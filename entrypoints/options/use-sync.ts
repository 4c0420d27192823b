import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { serverPermission } from '../../lib/core/sync/origins';
import type { SyncErrorCode, SyncStatus } from '../../lib/core/sync/status';
import { callBackground } from '../../lib/extension/messaging/client';
import type { SyncDraft } from '../../components/options/SyncSection';

/** How often the open page refreshes the status line (rounds also run on their own: after edits, on the alarm). */
const STATUS_EVERY_MS = 3_000;

/** The live feed's port name (see `lib/background/sync/extension-sync.ts`). */
const SYNC_LIVE_PORT = 'sync-live';

/** A status for an error found in the page, before the background was asked. */
const pageError = (status: SyncStatus | null, code: SyncErrorCode): SyncStatus => ({
  ...(status ?? { state: 'off', server: null, lastSyncedAt: null, waiting: 0, quarantined: 0 }),
  error: { code, message: '' },
});

/**
 * The Sync section's state and actions. Turning on first asks the browser for access to the server's origin — from
 * the click, as browsers require — then has the background check everything and save it. While the page is open the
 * background's live feed runs and the status line stays fresh.
 */
export function useSync() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const refresh = () =>
      void callBackground('sync/status', {}).then((read) => (read.ok ? setStatus(read.value) : console.error('[netease-annotator]', read.error)));
    refresh();
    const timer = setInterval(refresh, STATUS_EVERY_MS);
    const port = browser.runtime.connect({ name: SYNC_LIVE_PORT });
    return () => {
      clearInterval(timer);
      port.disconnect();
    };
  }, []);

  /** Runs a background call with the buttons disabled and shows the status it answers. */
  const run = async (task: () => Promise<SyncStatus | null>) => {
    setBusy(true);
    try {
      const next = await task();
      if (next) setStatus(next);
    } finally {
      setBusy(false);
    }
  };

  const answer = async (call: ReturnType<typeof callBackground<'sync/now'>>): Promise<SyncStatus | null> => {
    const result = await call;
    if (result.ok) return result.value;
    console.error('[netease-annotator]', result.error);
    return pageError(status, 'unavailable');
  };

  const turnOn = (draft: SyncDraft, createDatabase: boolean) => {
    const origin = serverPermission(draft.url);
    if (origin === null || draft.database.trim() === '' || draft.passphrase === '') {
      setStatus(pageError(status, 'invalid-address'));
      return;
    }
    // Requested synchronously in the click handler: the browser shows its prompt only for a user gesture.
    const granted = browser.permissions.request({ origins: [origin] });
    void run(async () => {
      if (!(await granted)) return pageError(status, 'no-permission');
      return answer(callBackground('sync/turn-on', { ...draft, database: draft.database.trim(), createDatabase }));
    });
  };

  return {
    status,
    busy,
    turnOn,
    syncNow: () => void run(() => answer(callBackground('sync/now', {}))),
    turnOff: () => void run(() => answer(callBackground('sync/turn-off', {}))),
  };
}
