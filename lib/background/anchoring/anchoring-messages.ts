/** Anchoring data the content script fetches only when a page needs it. */
import { SCRIPT_FOLD_PAIRS } from '../../core/anchoring/script-fold-pairs';
import { strict } from '../../core/model/schemas';
import { ANY_SENDER } from '../../extension/messaging/declare';
import { defineMessage } from '../messaging/request-context';

/** The anchoring messages. */
export const anchoringMessages = [
  /** The packed Traditional ↔ Simplified pairs, asked for when a quote first calls for script folding. */
  defineMessage({ name: 'anchoring/fold-pairs', from: ANY_SENDER, request: strict({}), handle: () => SCRIPT_FOLD_PAIRS }),
] as const;
