/**
 * The reader's translation set-up: which service translates sentences, and that service's key or address. Kept in
 * the extension's `storage.local` by the options page; read and validated by the background, which alone uses the
 * keys. Nothing here is ever sent to a content script.
 */
import * as v from 'valibot';
import type { DeeplConfig } from './deepl';
import type { GoogleConfig } from './google';
import type { LibreTranslateConfig } from './libretranslate';

/** The remote services a reader can opt into with their own key or server. */
export const REMOTE_PROVIDER_IDS = ['deepl', 'libretranslate', 'google'] as const;
export type RemoteProviderId = (typeof REMOTE_PROVIDER_IDS)[number];

/** Whether `choice` is a remote service. */
export const isRemoteChoice = (choice: string): choice is RemoteProviderId =>
  (REMOTE_PROVIDER_IDS as readonly string[]).includes(choice);

/** Every choice on the options page: off, the browser's own on-device translator, or a remote service. */
export const PROVIDER_CHOICES = ['off', 'on-device', ...REMOTE_PROVIDER_IDS] as const;
export type ProviderChoice = (typeof PROVIDER_CHOICES)[number];

/** The whole set-up; every service keeps its fields while another is chosen, so switching back loses nothing. */
export interface TranslationSettings {
  provider: ProviderChoice;
  deepl: DeeplConfig;
  libretranslate: LibreTranslateConfig;
  google: GoogleConfig;
}

/** Where the settings live in `storage.local`. */
export const SETTINGS_STORAGE_KEY = 'translationSettings';

/** Longest API key accepted (real ones are under 100 characters). */
export const MAX_KEY_LENGTH = 200;
/** Longest server address accepted. */
export const MAX_BASE_URL_LENGTH = 500;

/** Nothing remote until the reader turns it on: the browser's on-device translator where there is one. */
export const DEFAULT_TRANSLATION_SETTINGS: TranslationSettings = {
  provider: 'on-device',
  deepl: { key: '' },
  libretranslate: { baseUrl: '', key: '' },
  google: { key: '' },
};

/** Whether `value` is an http(s) address with no user name, password, query or fragment. */
export function isServerAddress(value: string): boolean {
  try {
    const url = new URL(value.trim());
    const web = url.protocol === 'https:' || url.protocol === 'http:';
    return web && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}

const keySchema = v.pipe(v.string(), v.maxLength(MAX_KEY_LENGTH));

/** The stored shape, checked on every read: storage is ours, but a broken value must not reach a request. */
export const translationSettingsSchema = v.strictObject({
  provider: v.picklist(PROVIDER_CHOICES),
  deepl: v.strictObject({ key: keySchema }),
  libretranslate: v.strictObject({
    baseUrl: v.pipe(v.string(), v.maxLength(MAX_BASE_URL_LENGTH), v.check((s) => s === '' || isServerAddress(s))),
    key: keySchema,
  }),
  google: v.strictObject({ key: keySchema }),
});

/** `settings` as they are stored: keys and address trimmed, an address that is not a usable server dropped. */
export function cleanTranslationSettings(settings: TranslationSettings): TranslationSettings {
  const baseUrl = settings.libretranslate.baseUrl.trim();
  return {
    provider: settings.provider,
    deepl: { key: settings.deepl.key.trim() },
    libretranslate: { baseUrl: isServerAddress(baseUrl) ? baseUrl : '', key: settings.libretranslate.key.trim() },
    google: { key: settings.google.key.trim() },
  };
}

/** Stored settings, or the defaults when nothing (or nothing valid) is stored. */
export function parseTranslationSettings(stored: unknown): TranslationSettings {
  const parsed = v.safeParse(translationSettingsSchema, stored);
  return parsed.success ? parsed.output : DEFAULT_TRANSLATION_SETTINGS;
}

/** The part of `browser.storage.local` the settings need. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Reads the settings from `area`. */
export async function readTranslationSettings(area: SettingsArea): Promise<TranslationSettings> {
  return parseTranslationSettings((await area.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]);
}

/** Stores `settings` in `area`, cleaned (see `cleanTranslationSettings`). */
export async function writeTranslationSettings(area: SettingsArea, settings: TranslationSettings): Promise<void> {
  await area.set({ [SETTINGS_STORAGE_KEY]: cleanTranslationSettings(settings) });
}
