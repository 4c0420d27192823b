/** The requests a tab's gloss answers: the popup's switches, and the background's news of changed known words. */
import * as v from 'valibot';
import { GLOSS_MODES, type GlossSettingsPatch, type GlossState } from '../../core/model/gloss';
import { strict } from '../../core/model/schema-basics';
import { FROM_EXTENSION, type MessageDeclaration } from '../../extension/messaging/declare';
import { problem } from '../../core/model/problems';

/** What the gloss offers its page messages (the gloss code itself may load only when one arrives). */
export interface GlossPageApi {
  set(patch: GlossSettingsPatch): Promise<GlossState>;
  refreshKnown(): Promise<void>;
  /** The reader's settings changed in another tab: read them again. */
  settingsChanged(): Promise<void>;
}

const define = <N extends string, Req, Res>(d: MessageDeclaration<N, Req, Res, GlossPageApi>) => d;

/** A change to the gloss settings: any of the three switches, and the mode. */
const glossSettingsPatchSchema = strict({
  on: v.optional(v.boolean(problem('problemBoolean'))),
  pinyin: v.optional(v.boolean(problem('problemBoolean'))),
  english: v.optional(v.boolean(problem('problemBoolean'))),
  mode: v.optional(v.picklist(GLOSS_MODES, problem('problemOneOf', GLOSS_MODES.join(', ')))),
});

/** The gloss's page messages. */
export const glossPageMessages = [
  /** The background tells each tab that the reader's known words changed elsewhere. */
  define({
    name: 'page/known-words-changed',
    from: FROM_EXTENSION,
    request: strict({}),
    handle: (_, gloss) => gloss.refreshKnown(),
  }),
  /** The background tells the other tabs that the reader's settings changed (read them again). */
  define({
    name: 'page/settings-changed',
    from: FROM_EXTENSION,
    request: strict({}),
    handle: (_, gloss) => gloss.settingsChanged(),
  }),
  /** Changes the page's gloss settings (an empty patch only reads them); answers the state afterwards. */
  define({
    name: 'page/gloss',
    from: FROM_EXTENSION,
    request: glossSettingsPatchSchema,
    handle: (patch, gloss) => gloss.set(patch),
  }),
] as const;
