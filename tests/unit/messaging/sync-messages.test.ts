/** The sync messages through the background router: extension pages only, validated, answered by the sync backend. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createBackgroundRouter,
  type BackgroundRouter,
  type SenderInfo,
} from '../../../lib/background/messaging/background-router';
import type { BackgroundServices } from '../../../lib/background/messaging/request-context';
import type { SyncStatus } from '../../../lib/core/sync/status';
import { extensionTranslateBackend } from '../../../lib/background/translate/extension-backend';
import { createAnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb } from '../../../storage/db';
import { createKnownWordsRepo } from '../../../storage/known-words-repo';
import { createWordListRepo } from '../../../storage/word-list-repo';
import { contentScriptSender, feedBackend, typedCall } from './router-harness';

const optionsPage = (): SenderInfo => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

const ON: SyncStatus = {
  state: 'synced',
  server: { url: 'https://c.example.org', database: 'd', username: 'u' },
  lastSyncedAt: 1,
  waiting: 0,
  quarantined: 0,
  error: null,
};

const TURN_ON = {
  url: 'https://c.example.org',
  database: 'd',
  username: 'u',
  password: 'p',
  passphrase: 'pass',
  createDatabase: false,
};

function routerWith(sync: BackgroundServices['sync']): BackgroundRouter {
  const db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  const unavailable = () => Promise.reject(new Error('no dictionary here'));
  return createBackgroundRouter({
    repo: createAnnotationRepo(db),
    notifyChanged: async () => {},
    gloss: {
      words: unavailable,
      knownWords: createKnownWordsRepo(db),
      wordList: createWordListRepo(db),
      notifyKnownWordsChanged: async () => {},
    },
    translation: extensionTranslateBackend(db, { dictionary: unavailable, words: unavailable }),
    feed: feedBackend(db),
    runContentScript: async () => {},
    sync,
  });
}

let route: BackgroundRouter;
const backend = {
  status: vi.fn(async () => ON),
  turnOn: vi.fn(async () => ON),
  syncNow: vi.fn(async () => ON),
  turnOff: vi.fn(async () => ON),
  annotationHistory: vi.fn(async () => []),
};
const call = typedCall(() => route, optionsPage);

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  route = routerWith(backend);
});

describe('sync messages', () => {
  it('are refused to a content script', async () => {
    for (const [type, payload] of [
      ['sync/status', {}],
      ['sync/turn-on', TURN_ON],
      ['sync/now', {}],
      ['sync/turn-off', {}],
      ['sync/history', {}],
    ] as const) {
      expect(await call(type, payload as never, contentScriptSender())).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    expect(backend.turnOn).not.toHaveBeenCalled();
  });

  it('are answered by the sync backend for an extension page, with the request validated', async () => {
    expect(await call('sync/status', {})).toEqual({ ok: true, value: ON });
    expect(await call('sync/turn-on', TURN_ON)).toEqual({ ok: true, value: ON });
    expect(backend.turnOn).toHaveBeenCalledWith(TURN_ON);
    expect(await call('sync/turn-on', { ...TURN_ON, passphrase: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await call('sync/turn-on', { ...TURN_ON, extra: 1 } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    await call('sync/now', {});
    await call('sync/turn-off', {});
    expect(backend.syncNow).toHaveBeenCalledOnce();
    expect(backend.turnOff).toHaveBeenCalledOnce();
  });
});
