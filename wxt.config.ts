import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DICTIONARY_PUBLIC_PATHS, dictionaryPublicFiles } from './scripts/dictionary/wxt-assets';
import { TRANSLATION_HOST_PERMISSIONS } from './lib/translate/origins';

/** Extension pages run only our own bundled scripts: no remote code, no eval, no plugins, no framing. */
const EXTENSION_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Build configuration: MV3 for Chromium, MV2/MV3 for Firefox, Preact through Vite. */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'downloads'],
    content_security_policy: manifestVersion === 2 ? EXTENSION_CSP : { extension_pages: EXTENSION_CSP },
    // Translation services the reader opts into: none granted at install; the options page asks for one from a click.
    ...(manifestVersion === 2
      ? { optional_permissions: TRANSLATION_HOST_PERMISSIONS }
      : { optional_host_permissions: TRANSLATION_HOST_PERMISSIONS }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'netease-annotator@example.org',
              strict_min_version: '140.0',
              // Nothing is collected or transmitted: annotations stay in the extension's own database.
              data_collection_permissions: { required: ['none'] },
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
