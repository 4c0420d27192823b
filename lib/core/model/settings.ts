/**
 * The reader's settings, one typed definition each (in the spirit of WXT's `storage.defineItem`): a name, the valibot
 * schema its stored value must pass, and the value used while none (or none valid) is stored. The background keeps
 * them in the extension's database (`storage/settings-store.ts`), so every change is in the change feed.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLORS, type HighlightColor } from './annotation';
import { DEFAULT_GLOSS_SETTINGS, GLOSS_MODES, type GlossMode, type GlossSettings } from './gloss';
import { problem } from './problems';

/** One setting: its stored name, the schema of its value, its value while none is stored. */
export interface SettingDefinition<T> {
  name: string;
  schema: v.GenericSchema<unknown, T>;
  fallback: T;
  /**
   * Where an earlier version kept it in `storage.local`, and how to read what it left there (null: nothing usable);
   * the store moves it over once.
   */
  legacy?: { key: string; read: (stored: unknown) => T | null };
}

/** Defines a setting; see `SettingDefinition`. */
export function defineSetting<T>(
  name: string,
  schema: v.GenericSchema<unknown, T>,
  fallback: T,
  legacy?: SettingDefinition<T>['legacy'],
): SettingDefinition<T> {
  return { name, schema, fallback, ...(legacy && { legacy }) };
}

/** The settings in a value an earlier version stored: each switch that is a boolean there, a known mode, the default for the rest. */
export function readGlossSettings(stored: unknown): GlossSettings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const pick = (key: 'on' | 'pinyin' | 'english') => (typeof value[key] === 'boolean' ? value[key] : DEFAULT_GLOSS_SETTINGS[key]);
  const mode = GLOSS_MODES.includes(value.mode as GlossMode) ? (value.mode as GlossMode) : DEFAULT_GLOSS_SETTINGS.mode;
  return { on: pick('on'), pinyin: pick('pinyin'), english: pick('english'), mode };
}

/** The gloss settings as stored and as sent to be saved: all three switches and the mode. */
export const glossSettingsSchema = v.strictObject({
  on: v.boolean(problem('problemBoolean')),
  pinyin: v.boolean(problem('problemBoolean')),
  english: v.boolean(problem('problemBoolean')),
  mode: v.picklist(GLOSS_MODES, problem('problemOneOf', GLOSS_MODES.join(', '))),
});

/** The colour of the reader's last highlight, which the next one takes. */
export const LAST_COLOR_SETTING = defineSetting<HighlightColor>(
  'lastColor',
  v.picklist(HIGHLIGHT_COLORS, problem('problemOneOf', HIGHLIGHT_COLORS.join(', '))),
  HIGHLIGHT_COLORS[0],
  { key: 'lastColor', read: (stored) => HIGHLIGHT_COLORS.find((c) => c === stored) ?? null },
);

/** The gloss switches, shared by every tab; null until the reader first uses the gloss (then its glosses are fetched ahead). */
export const GLOSS_SETTING = defineSetting<GlossSettings | null>('gloss', v.nullable(glossSettingsSchema), null, {
  key: 'glossSettings',
  read: (stored) => (stored === undefined ? null : readGlossSettings(stored)),
});

/** The settings content scripts and pages may read and change through messages (nothing secret among them). */
export interface PublicSettings {
  lastColor: HighlightColor;
  gloss: GlossSettings | null;
}
