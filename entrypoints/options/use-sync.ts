import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { serverPermission } from '../../lib/core/sync/origins';
import type { MessageError } from '../../lib/core/model/result';
import type { SyncErrorCode, SyncStatus } from '../../lib/core/sync/status';
import { callBackground } from '../../lib/extension/messaging/client';
import type { SyncDraft } from '../../components/options/SyncSection';
import { useSyncStatus } from '../../components/shared/use-sync-status';

/** A status for an error found in the page, before the background was asked. */
const pageError = (status: SyncStatus | null, code: SyncErrorCode): SyncStatus => ({
  ...(status ?? { state: 'off', server: null, lastSyncedAt: null, waiting: 0, quarantined: 0 }),
  error: { code, message: '' },
});

/** The field left empty that turning on needs, first the database then the passphrase (null: both are filled in). */
export function missingEntry(draft: SyncDraft): SyncErrorCode | null {
  if (draft.database.trim() === '') return 'missing-database-name';
  if (draft.passphrase === '') return 'missing-passphrase';
  return null;
}

/**
 * Why a background call answered no status: the background refused the request (what was entered failed its checks,
 * e.g. a field too long), or sync could not be reached at all.
 */
export const callProblem = (error: MessageError): SyncErrorCode =>
  error.code === 'invalid-request' ? 'refused-entry' : 'unavailable';

/**
 * The Sync section's state and actions. Turning on first asks the browser for access to the server's origin — from
 * the click, as browsers require — then has the background check everything and save it.
 */
export function useSync() {
  const [status, setStatus] = useSyncStatus();
  const [busy, setBusy] = useState(false);
  /** A problem found in the page (kept until the next action, over the refreshed status). */
  const [problem, setProblem] = useState<SyncErrorCode | null>(null);

  /** Runs a background call with the buttons disabled and shows the status it answers. */
  const run = async (task: () => Promise<SyncStatus | null>) => {
    setBusy(true);
    setProblem(null);
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
    setProblem(callProblem(result.error));
    return null;
  };

  const turnOn = (draft: SyncDraft, createDatabase: boolean) => {
    const origin = serverPermission(draft.url);
    const missing = missingEntry(draft);
    if (origin === null || missing !== null) {
      setProblem(origin === null ? 'invalid-address' : missing);
      return;
    }
    // Requested synchronously in the click handler: the browser shows its prompt only for a user gesture.
    const granted = browser.permissions.request({ origins: [origin] });
    void run(async () => {
      if (!(await granted)) {
        setProblem('no-permission');
        return null;
      }
      return answer(callBackground('sync/turn-on', { ...draft, database: draft.database.trim(), createDatabase }));
    });
  };

  return {
    status: problem === null ? status : pageError(status, problem),
    busy,
    turnOn,
    syncNow: () => void run(() => answer(callBackground('sync/now', {}))),
    turnOff: () => void run(() => answer(callBackground('sync/turn-off', {}))),
  };
}
