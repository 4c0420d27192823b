import { useState } from 'preact/hooks';
import { TextField } from './TextField';
import { t } from '../../lib/extension/i18n';
import type { SyncStatus } from '../../lib/core/sync/status';
import { syncStatusText } from '../shared/sync-status-text';

/** What the reader types to turn sync on. */
export interface SyncDraft {
  url: string;
  database: string;
  username: string;
  password: string;
  passphrase: string;
}

interface Props {
  status: SyncStatus | null;
  /** An action is running: the buttons wait. */
  busy: boolean;
  /** `createDatabase`: the reader agreed to create a missing database. */
  onTurnOn: (draft: SyncDraft, createDatabase: boolean) => void;
  onSyncNow: () => void;
  onTurnOff: () => void;
}

/** The options page's Sync section: the server, credentials and passphrase, the three buttons and the status line. */
export function SyncSection({ status, busy, onTurnOn, onSyncNow, onTurnOff }: Props) {
  const server = status?.server;
  const [draft, setDraft] = useState<SyncDraft>({
    url: server?.url ?? '',
    database: server?.database ?? '',
    username: server?.username ?? '',
    password: '',
    passphrase: '',
  });
  const set = (key: keyof SyncDraft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const on = status !== null && status.state !== 'off';
  const missing = status?.error?.code === 'missing-database';
  return (
    <section class="sync" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      <p>{t('syncIntro')}</p>
      <form
        aria-label={t('syncFormLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          onTurnOn(draft, false);
        }}
      >
        <TextField id="sync-url" label="syncServerUrl" type="url" value={draft.url} onInput={set('url')} />
        <TextField id="sync-database" label="syncDatabase" type="text" value={draft.database} onInput={set('database')} />
        <TextField id="sync-username" label="syncUsername" type="text" value={draft.username} onInput={set('username')} />
        <TextField id="sync-password" label="syncPassword" type="password" value={draft.password} onInput={set('password')} />
        <TextField
          id="sync-passphrase"
          label="syncPassphrase"
          type="password"
          help="syncPassphraseHelp"
          value={draft.passphrase}
          onInput={set('passphrase')}
        />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>
            {t('syncTurnOn')}
          </button>
          {missing && (
            <button type="button" class="button" disabled={busy} onClick={() => onTurnOn(draft, true)}>
              {t('syncCreateDatabase')}
            </button>
          )}
          <button type="button" class="button" disabled={busy || !on} onClick={onSyncNow}>
            {t('syncNow')}
          </button>
          <button type="button" class="button" disabled={busy || !on} onClick={onTurnOff}>
            {t('syncTurnOff')}
          </button>
        </div>
      </form>
      {server && <p class="help">{t('syncServerIs', server.database, server.url, server.username)}</p>}
      <p role="status" class={status?.error && status.state !== 'offline' ? 'status error' : 'status'}>
        {status && syncStatusText(status)}
      </p>
      {status !== null && status.quarantined > 0 && <p class="help">{t('syncQuarantined', status.quarantined)}</p>}
    </section>
  );
}
