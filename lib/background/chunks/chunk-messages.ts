/** The content script's request to load one of its chunks (`lib/extension/chunks.ts`) into its own frame. */
import * as v from 'valibot';
import { strict } from '../../core/model/schemas';
import { CHUNK_NAMES, chunkFile } from '../../extension/chunks';
import { defineMessage } from '../messaging/request-context';
import { problem } from '../../core/model/problems';

/** The chunk messages. */
export const chunkMessages = [
  /** Runs chunk `chunk` in the sender's frame; only our content script asks, and only for its own frame. */
  defineMessage({
    name: 'content/load-chunk',
    from: ['content-script'],
    request: strict({ chunk: v.picklist(CHUNK_NAMES, problem('problemOneOf', CHUNK_NAMES.join(', '))) }),
    handle: async ({ chunk }, { scope, services }) => {
      if (scope.kind !== 'content-script' || scope.tabId === undefined) return null;
      await services.runContentScript(scope.tabId, scope.frameId, chunkFile(chunk));
      return null;
    },
  }),
] as const;
