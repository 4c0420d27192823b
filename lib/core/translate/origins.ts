/** Where the remote translation services are, and the optional host permissions the manifest declares for them. */

/** DeepL's API for Free-plan keys (they end in `:fx`). */
export const DEEPL_FREE_ORIGIN = 'https://api-free.deepl.com';
/** DeepL's API for Pro keys. */
export const DEEPL_PRO_ORIGIN = 'https://api.deepl.com';
/** Google Cloud Translation's API. */
export const GOOGLE_ORIGIN = 'https://translation.googleapis.com';

/**
 * Match patterns of every origin a remote service may be reached at, for the manifest's optional host permissions:
 * DeepL's two APIs, Google's, and any http(s) host for the reader's own LibreTranslate server. None is granted at
 * install; the options page requests the one host the chosen service needs, from the reader's click.
 */
export const TRANSLATION_HOST_PERMISSIONS = [
  `${DEEPL_FREE_ORIGIN}/*`,
  `${DEEPL_PRO_ORIGIN}/*`,
  `${GOOGLE_ORIGIN}/*`,
  'https://*/*',
  'http://*/*',
];

/**
 * Firefox's data collection category for what a remote service receives: text from the pages read. The Firefox
 * package declares it optional (`data_collection_permissions`); the reader consents with the host permission.
 */
export const TRANSLATION_DATA_COLLECTION = 'websiteContent' as const;
