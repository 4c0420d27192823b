/**
 * What the background tells every open extension page (popup, library, options, the note editor frame): declared
 * once, like every message, and answered by no one (pages only listen; see `lib/pages/follow-changes.ts`).
 */
import * as v from 'valibot';
import { CHANGE_KINDS, type ChangesHappened } from '../../core/model/changes';
import { articleIdSchema, strict } from '../../core/model/schemas';
import { FROM_EXTENSION, type MessageDeclaration } from './declare';
import { problem } from '../../core/model/problems';

/** After each committed write: which kinds of record changed, and in which articles (or that sync's history did). */
export const changesHappened: MessageDeclaration<'changes/happened', ChangesHappened, void, (changes: ChangesHappened) => void> =
  {
    name: 'changes/happened',
    from: FROM_EXTENSION,
    request: strict({
      kinds: v.array(v.picklist(CHANGE_KINDS, problem('problemOneOf', CHANGE_KINDS.join(', '))), problem('problemList')),
      articleIds: v.array(articleIdSchema, problem('problemList')),
      syncHistory: v.optional(v.literal(true)),
    }),
    handle: (changes, listener) => listener(changes),
  };
