import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncStatus } from '../../lib/core/sync/status';
import { callBackground } from '../../lib/extension/messaging/client';
import { SYNC_LIVE_PORT } from '../../lib/extension/messaging/sync-port';

/** How often an open page refreshes the status (rounds run on their own: after edits, on the alarm, on the feed). */
const STATUS_EVERY_MS = 3_000;

/**
 * Sync's status while an extension page (options, popup) is open, kept fresh, with a setter for the status an action
 * answered. The page holds the live-feed port meanwhile, so edits from other devices arrive while it is open.
 */
export function useSyncStatus() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    const refresh = () =>
      void callBackground('sync/status', {}).then((read) =>
        read.ok ? setStatus(read.value) : console.error('[netease-annotator]', read.error),
      );
    refresh();
    const timer = setInterval(refresh, STATUS_EVERY_MS);
    const port = browser.runtime.connect({ name: SYNC_LIVE_PORT });
    return () => {
      clearInterval(timer);
      port.disconnect();
    };
  }, []);
  return [status, setStatus] as const;
}
