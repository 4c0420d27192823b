/** The options page's Sync section: the labelled fields and buttons, the status line, the offer to create a database. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncSection } from '../../../components/options/SyncSection';
import { syncStatusText } from '../../../components/shared/sync-status-text';
import type { SyncErrorCode, SyncStatus } from '../../../lib/core/sync/status';
import { callProblem, missingEntry } from '../../../entrypoints/options/use-sync';
import zh from '../../../public/_locales/zh_CN/messages.json';

let host: HTMLElement;

afterEach(() => {
  render(null, host);
  host.remove();
});

const OFF: SyncStatus = { state: 'off', server: null, lastSyncedAt: null, waiting: 0, quarantined: 0, error: null };

function show(status: SyncStatus) {
  host = document.createElement('div');
  document.body.append(host);
  const props = { onTurnOn: vi.fn(), onSyncNow: vi.fn(), onTurnOff: vi.fn() };
  render(<SyncSection status={status} busy={false} {...props} />, host);
  const field = (label: string) => {
    const forId = [...host.querySelectorAll('label')].find((l) => l.textContent === label)?.getAttribute('for');
    return host.querySelector<HTMLInputElement>(`#${forId}`)!;
  };
  const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name);
  return { ...props, field, button };
}

const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('the Sync section', () => {
  it('has the five labelled fields and turns on with what was typed', async () => {
    const view = show(OFF);
    type(view.field('Server URL'), 'https://couch.example.org');
    type(view.field('Database'), 'notes');
    type(view.field('User name'), 'reader');
    type(view.field('Password'), 'pw');
    type(view.field('Encryption passphrase'), 'long passphrase');
    expect(view.field('Password').type).toBe('password');
    expect(view.field('Encryption passphrase').type).toBe('password');
    expect(view.button('Sync now')?.disabled).toBe(true);
    expect(view.button('Turn off sync')?.disabled).toBe(true);
    await new Promise((settled) => setTimeout(settled, 0));
    view.button('Turn on sync')!.click();
    expect(view.onTurnOn).toHaveBeenCalledExactlyOnceWith(
      { url: 'https://couch.example.org', database: 'notes', username: 'reader', password: 'pw', passphrase: 'long passphrase' },
      false,
    );
    expect(host.querySelector('[role=status]')?.textContent).toBe('Sync is off.');
  });

  it('offers to create a missing database, and says plainly what else is wrong', () => {
    const view = show({ ...OFF, error: { code: 'missing-database', message: '' } });
    expect(host.textContent).toContain('The database does not exist on this server.');
    view.button('Create the database')!.click();
    expect(view.onTurnOn).toHaveBeenCalledWith(expect.anything(), true);
    expect(syncStatusText({ ...OFF, error: { code: 'wrong-passphrase', message: '' } })).toContain(
      'not the encryption passphrase',
    );
    expect(syncStatusText({ ...OFF, error: { code: 'unauthorized', message: '' } })).toContain('401');
  });

  it('says what is missing or refused in its own words, not as a wrong server address', () => {
    const draft = { url: 'https://couch.example.org', database: 'notes', username: '', password: '', passphrase: 'p' };
    expect(missingEntry(draft)).toBeNull();
    expect(missingEntry({ ...draft, passphrase: '' })).toBe('missing-passphrase');
    expect(missingEntry({ ...draft, database: '  ' })).toBe('missing-database-name');
    expect(callProblem({ code: 'invalid-request', message: 'This request was refused: too long.' })).toBe('refused-entry');
    expect(callProblem({ code: 'no-receiver', message: '' })).toBe('unavailable');
    expect(callProblem({ code: 'internal', message: '' })).toBe('unavailable');
    expect(syncStatusText({ ...OFF, error: { code: 'unavailable', message: '' } })).toContain('restart the browser');
    const text = (code: SyncErrorCode) => syncStatusText({ ...OFF, error: { code, message: '' } });
    expect(text('missing-passphrase')).toContain('Enter the encryption passphrase');
    expect(text('missing-database-name')).toContain('Enter the name of the database');
    expect(text('cannot-create-database')).toContain('Only a server admin can create a database.');
    expect(text('refused-entry')).toContain('What was entered was refused');
    expect(text('invalid-address')).toContain('http:// for a server on this computer');
    for (const code of ['missing-passphrase', 'missing-database-name', 'cannot-create-database', 'refused-entry'] as const) {
      expect(text(code)).not.toBe(text('invalid-address'));
      expect(text(code)).not.toBe(text('unavailable'));
    }
  });

  it('shows syncing, synced, and offline with the changes waiting; Sync now and Turn off work when on', () => {
    const server = { url: 'https://couch.example.org', database: 'notes', username: 'reader' };
    const view = show({ ...OFF, state: 'offline', server, waiting: 3, error: { code: 'unreachable', message: '' } });
    expect(host.querySelector('[role=status]')?.textContent).toBe('Offline: 3 changes waiting. They go when the server is back.');
    view.button('Sync now')!.click();
    view.button('Turn off sync')!.click();
    expect(view.onSyncNow).toHaveBeenCalledOnce();
    expect(view.onTurnOff).toHaveBeenCalledOnce();
    expect(syncStatusText({ ...OFF, state: 'syncing', server })).toBe('Syncing…');
    expect(syncStatusText({ ...OFF, state: 'synced', server, lastSyncedAt: 0 })).toMatch(/^Synced at /);
    const offline = { ...OFF, state: 'offline' as const, server };
    expect(syncStatusText({ ...offline, waiting: 1 })).toBe('Offline: 1 change waiting. It goes when the server is back.');
    expect(syncStatusText({ ...OFF, state: 'error', server, error: { code: 'unsent', message: '' } })).toContain(
      'Some changes could not be sent',
    );
    expect(syncStatusText({ ...offline, waiting: 0 })).toBe(
      'Offline: no changes waiting. Changes made now go when the server is back.',
    );
  });

  it('has Chinese labels for every field and button', () => {
    for (const key of [
      'syncServerUrl',
      'syncDatabase',
      'syncUsername',
      'syncPassword',
      'syncPassphrase',
      'syncTurnOn',
      'syncNow',
      'syncTurnOff',
      'syncErrorMissingPassphrase',
      'syncErrorMissingDatabaseName',
      'syncErrorCannotCreateDatabase',
      'syncErrorRefusedEntry',
    ] as const) {
      expect(zh[key].message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
