// Lint rules that keep the layout honest: no import cycles, pure code free of the browser, Dexie and Preact, the
// content script (which shares its page with hostile scripts) away from storage, each context out of the others'.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/** Packages only extension contexts may use (not pure code). */
const PLATFORM_PACKAGES = ['wxt', 'wxt/*', 'dexie', 'preact', 'preact/*', '@preact/*', 'webextension-polyfill'];

/** One zone of `import-x/no-restricted-paths`: code in `target` may not import from `from`. */
const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './lib/core',
              [
                './lib/content',
                './lib/background',
                './lib/pages',
                './lib/extension',
                './storage',
                './components',
                './entrypoints',
              ],
              'lib/core is pure: it runs anywhere and imports no other context.',
            ),
            zone(
              './lib/content',
              ['./lib/background', './lib/pages', './storage', './entrypoints'],
              'The content script shares its page with hostile scripts: it reaches storage and the background only through messages.',
            ),
            zone(
              './components/annotator',
              ['./lib/background', './lib/pages', './storage'],
              'The annotator UI runs in the content script: no storage, no background code.',
            ),
            zone(
              './entrypoints/netease.content',
              ['./lib/background', './lib/pages', './storage'],
              'The content script reaches storage only through messages.',
            ),
            zone(
              './lib/background',
              ['./lib/content', './lib/pages', './components', './entrypoints'],
              'Background code runs in the service worker only.',
            ),
            zone(
              './lib/pages',
              ['./lib/content', './lib/background', './storage'],
              'Extension pages reach the database through messages.',
            ),
            zone(
              './lib/extension',
              ['./lib/pages', './storage', './components', './entrypoints'],
              'lib/extension is shared by every extension context.',
            ),
            zone(
              './storage',
              ['./lib/content', './lib/pages', './components', './entrypoints'],
              'storage/ is the background’s database.',
            ),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: PLATFORM_PACKAGES, message: 'lib/core is pure: no browser, Dexie or Preact.' }] },
      ],
    },
  },
  {
    files: ['lib/content/**', 'components/annotator/**', 'entrypoints/netease.content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['dexie'], message: 'The content script never opens the database.' }] },
      ],
    },
  },
);
