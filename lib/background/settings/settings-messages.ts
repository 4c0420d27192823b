/**
 * The settings content scripts and pages may read and change (the last colour, the gloss settings; never the
 * translation keys). A change is news to the other tabs.
 */
import * as v from 'valibot';
import { GLOSS_SETTING, glossSettingsSchema, LAST_COLOR_SETTING, type PublicSettings } from '../../core/model/settings';
import { strict } from '../../core/model/schemas';
import { ANY_SENDER } from '../../extension/messaging/declare';
import { defineMessage, type RequestContext } from '../messaging/request-context';

/** The public settings as stored now. */
const readSettings = async ({ services }: RequestContext): Promise<PublicSettings> => ({
  lastColor: await services.feed.repository.settings.get(LAST_COLOR_SETTING),
  gloss: await services.feed.repository.settings.get(GLOSS_SETTING),
});

/** The settings messages. */
export const settingsMessages = [
  /** The settings content scripts and pages may see. */
  defineMessage({ name: 'settings/read', from: ANY_SENDER, request: strict({}), handle: (_, context) => readSettings(context) }),
  /** Changes some of those settings (the gloss settings whole); answers them all afterwards. The other tabs are told. */
  defineMessage({
    name: 'settings/write',
    from: ANY_SENDER,
    request: strict({ lastColor: v.optional(LAST_COLOR_SETTING.schema), gloss: v.optional(glossSettingsSchema) }),
    handle: async ({ lastColor, gloss }, context) => {
      const { settings } = context.services.feed.repository;
      const before = JSON.stringify(await readSettings(context));
      if (lastColor !== undefined) await settings.set(LAST_COLOR_SETTING, lastColor);
      if (gloss !== undefined) await settings.set(GLOSS_SETTING, gloss);
      const after = await readSettings(context);
      // Only a change is news to the other tabs.
      if (JSON.stringify(after) !== before) {
        context.services.feed
          .notifySettingsChanged(context.tabId)
          .catch((err: unknown) => console.error('[netease-annotator]', err));
      }
      return after;
    },
  }),
] as const;
