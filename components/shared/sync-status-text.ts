/** Sync's status line in words, shared by the options page and the popup. */
import { t, type MessageKey } from '../../lib/extension/i18n';
import type { SyncErrorCode, SyncStatus } from '../../lib/core/sync/status';

/** The reader-facing explanation of each sync error. */
export const SYNC_ERROR_TEXT: Record<SyncErrorCode, MessageKey> = {
  unreachable: 'syncErrorUnreachable',
  timeout: 'syncErrorTimeout',
  'not-couchdb': 'syncErrorNotCouchdb',
  unauthorized: 'syncErrorUnauthorized',
  forbidden: 'syncErrorForbidden',
  'missing-database': 'syncErrorMissingDatabase',
  conflict: 'syncErrorConflict',
  unsent: 'syncErrorUnsent',
  'server-error': 'syncErrorServer',
  'bad-response': 'syncErrorBadResponse',
  'wrong-passphrase': 'syncErrorWrongPassphrase',
  'invalid-address': 'syncErrorInvalidAddress',
  'missing-database-name': 'syncErrorMissingDatabaseName',
  'missing-passphrase': 'syncErrorMissingPassphrase',
  'cannot-create-database': 'syncErrorCannotCreateDatabase',
  'no-permission': 'syncErrorNoPermission',
  'refused-entry': 'syncErrorRefusedEntry',
  unavailable: 'syncErrorUnavailable',
};

/** The status line: off, syncing, synced (when), offline with N waiting, or the error and what to do. */
export function syncStatusText(status: SyncStatus): string {
  if (status.state === 'syncing') return t('syncStatusSyncing');
  if (status.state === 'offline') return offlineText(status.waiting);
  if (status.error) return t('syncStatusError', t(SYNC_ERROR_TEXT[status.error.code]));
  if (status.state === 'off') return t('syncStatusOff');
  if (status.lastSyncedAt === null) return t('syncStatusNever');
  return t('syncStatusSynced', new Date(status.lastSyncedAt).toLocaleString());
}

/** Offline, with how many changes wait (none, one or more: the words differ). */
function offlineText(waiting: number): string {
  if (waiting === 0) return t('syncStatusOfflineNone');
  if (waiting === 1) return t('syncStatusOfflineOne');
  return t('syncStatusOffline', waiting);
}
