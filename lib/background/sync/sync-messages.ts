/**
 * The sync messages, all from extension pages only: a content script (which a hostile page can talk to) never reads
 * the status, sets up a server or starts a round. Answers never carry a password or key.
 */
import * as v from 'valibot';
import { MAX_URL_LENGTH, strict, text } from '../../core/model/schemas';
import { PAGES_ONLY } from '../../extension/messaging/declare';
import { defineMessage } from '../messaging/request-context';
import { problem } from '../../core/model/problems';

/** The sync messages. */
export const syncMessages = [
  /** Sync's status line. */
  defineMessage({
    name: 'sync/status',
    from: PAGES_ONLY,
    request: strict({}),
    handle: (_, { services }) => services.sync.status(),
  }),
  /**
   * Checks the server, the credentials and the passphrase (creating the database when asked) and turns sync on; on a
   * problem sync stays off and the status says what is wrong. Sent after host access was granted.
   */
  defineMessage({
    name: 'sync/turn-on',
    from: PAGES_ONLY,
    request: strict({
      url: text(1, MAX_URL_LENGTH),
      database: text(1, 238),
      username: text(0, 200),
      password: text(0, 1_000),
      passphrase: text(1, 1_000),
      createDatabase: v.boolean(problem('problemBoolean')),
    }),
    handle: (request, { services }) => services.sync.turnOn(request),
  }),
  /** Runs a sync round now; answers the status after it. */
  defineMessage({
    name: 'sync/now',
    from: PAGES_ONLY,
    request: strict({}),
    handle: (_, { services }) => services.sync.syncNow(),
  }),
  /** Turns sync off, forgetting the server, credentials and keys; local data stays. */
  defineMessage({
    name: 'sync/turn-off',
    from: PAGES_ONLY,
    request: strict({}),
    handle: (_, { services }) => services.sync.turnOff(),
  }),
] as const;
