import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Build configuration: MV3 for Chromium, MV2/MV3 for Firefox, Preact through Vite. */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'netease-annotator@example.org', strict_min_version: '140.0' } } }
      : {}),
  }),
});
