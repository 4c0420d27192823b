/**
 * The translation messages. Keys never leave the background: answers name the service, never its key or address;
 * only the options page reads or changes the set-up, tests it or clears the cache.
 */
import * as v from 'valibot';
import { strict, text } from '../../core/model/schemas';
import { SOURCE_LANGUAGES } from '../../core/translate/languages';
import { MAX_SELECTION_CHARS, MAX_TRANSLATE_CHARS, MAX_TRANSLATE_TEXTS } from '../../core/translate/limits';
import { translationSettingsDraftSchema } from '../../core/translate/settings';
import { ANY_SENDER, PAGES_ONLY } from '../../extension/messaging/declare';
import { defineMessage } from '../messaging/request-context';
import { problem } from '../../core/model/problems';

/** Texts to translate: at least one, each non-empty, a bounded count of bounded total length. */
const translateTextsSchema = v.pipe(
  v.array(text(1, MAX_TRANSLATE_CHARS), problem('problemList')),
  v.minLength(1, problem('problemOneText')),
  v.maxLength(MAX_TRANSLATE_TEXTS, problem('problemMostTexts', MAX_TRANSLATE_TEXTS)),
  v.check(
    (texts) => texts.reduce((sum, t) => sum + t.length, 0) <= MAX_TRANSLATE_CHARS,
    problem('problemMaxLengthInAll', MAX_TRANSLATE_CHARS),
  ),
);

/** The translation messages. */
export const translateMessages = [
  /** Which kind of service would translate `sample` (off, on-device, remote: its name, never its key), and its script. */
  defineMessage({
    name: 'translate/plan',
    from: ANY_SENDER,
    request: strict({ sample: text(1, MAX_TRANSLATE_CHARS) }),
    handle: ({ sample }, { services }) => services.translation.service.plan(sample),
  }),
  /** The dictionary words of a selection with all their readings and senses, for the translation popover. */
  defineMessage({
    name: 'translate/words',
    from: ANY_SENDER,
    request: strict({ text: text(1, MAX_SELECTION_CHARS) }),
    handle: ({ text: selection }, { services }) => services.translation.service.words(selection),
  }),
  /** Translates `texts` with the reader's remote service (cached); fails with a `translate-…` code. */
  defineMessage({
    name: 'translate/text',
    from: ANY_SENDER,
    request: strict({
      texts: translateTextsSchema,
      source: v.picklist(SOURCE_LANGUAGES, problem('problemOneOf', SOURCE_LANGUAGES.join(', '))),
    }),
    handle: ({ texts, source }, { services }) => services.translation.service.translate(texts, source),
  }),
  /** Opens the options page (content scripts cannot). */
  defineMessage({
    name: 'translate/open-options',
    from: ANY_SENDER,
    request: strict({}),
    handle: (_, { services }) => services.translation.openOptions(),
  }),
  /** Translates a fixed sentence with the saved settings, past the cache. */
  defineMessage({
    name: 'translate/test',
    from: PAGES_ONLY,
    request: strict({}),
    handle: (_, { services }) => services.translation.service.test(),
  }),
  /** Forgets every cached translation; answers how many there were. */
  defineMessage({
    name: 'translate/clear-cache',
    from: PAGES_ONLY,
    request: strict({}),
    handle: (_, { services }) => services.translation.service.clearCache(),
  }),
  /** The translation set-up, keys included, for the options page. */
  defineMessage({
    name: 'translate/settings',
    from: PAGES_ONLY,
    request: strict({}),
    handle: (_, { services }) => services.translation.settings.read(),
  }),
  /** Saves the translation set-up (cleaned); answers what was saved. */
  defineMessage({
    name: 'translate/save-settings',
    from: PAGES_ONLY,
    request: strict({ settings: translationSettingsDraftSchema }),
    handle: ({ settings }, { services }) => services.translation.settings.write(settings),
  }),
] as const;
