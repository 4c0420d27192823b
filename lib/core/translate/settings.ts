/**
 * The reader's translation set-up: which service translates sentences, and that service's key or address. Kept in
 * the extension's database by the background (`storage/translation-settings-store.ts`), edited on the options page
 * through messages only extension pages may send; the background alone uses the keys. Nothing here is ever sent to
 * a content script.
 */
import * as v from 'valibot';
import { defineSetting } from '../model/settings';
import { isRemotePlainHttp, parseAddress } from '../net/addresses';
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

/** Where earlier versions kept the settings in `storage.local` (moved to the database on first read). */
export const LEGACY_SETTINGS_KEY = 'translationSettings';

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

/**
 * Whether `value` is a server address we send text to: `https:`, or `http:` on this computer only (a plain-`http:`
 * server elsewhere would carry the reader's text and key in clear), with no user name, password, query or fragment.
 */
export function isServerAddress(value: string): boolean {
  const url = parseAddress(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || isRemotePlainHttp(value)) return false;
  return !url.username && !url.password && !url.search && !url.hash;
}

const keySchema = v.pipe(v.string(), v.maxLength(MAX_KEY_LENGTH));

/** The settings' shape, with `baseUrl` checked by `baseUrl`. */
const settingsSchema = (baseUrl: v.GenericSchema<string>) =>
  v.strictObject({
    provider: v.picklist(PROVIDER_CHOICES),
    deepl: v.strictObject({ key: keySchema }),
    libretranslate: v.strictObject({ baseUrl, key: keySchema }),
    google: v.strictObject({ key: keySchema }),
  });

/** The stored shape, checked on every read: storage is ours, but a broken value must not reach a request. */
export const translationSettingsSchema = settingsSchema(
  v.pipe(
    v.string(),
    v.maxLength(MAX_BASE_URL_LENGTH),
    v.check((s) => s === '' || isServerAddress(s)),
  ),
);

/**
 * What the options page may send to be saved: the stored shape, but any address (saving drops one that is not a
 * server, as the form may hold one half typed while another service is chosen).
 */
export const translationSettingsDraftSchema = settingsSchema(v.pipe(v.string(), v.maxLength(MAX_BASE_URL_LENGTH)));

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

/** The translation set-up as a setting of the settings store; moved once from where earlier versions kept it. */
export const TRANSLATION_SETTING = defineSetting<TranslationSettings>(
  'translation',
  translationSettingsSchema,
  DEFAULT_TRANSLATION_SETTINGS,
  {
    key: LEGACY_SETTINGS_KEY,
    read: (stored) => (v.safeParse(translationSettingsSchema, stored).success ? parseTranslationSettings(stored) : null),
  },
);
