// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** The only files that may import `electron`; everything else runs (and is tested) without it. */
const electronFiles = ['electron/main.ts', 'electron/window/**/*.ts', 'electron/ipc/ipc-main.ts', 'electron/ipc/preload.ts'];

const noElectron = { name: 'electron', message: 'Alleen de dunne Electron-bestanden (zie eslint.config.mjs) importeren electron.' };
const noRendererWords = { regex: '(^|/)renderer/', message: 'Main stuurt codes, geen woorden: de teksten horen bij de pagina (renderer/messages/).' };
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)].map((name) => ({
  name,
  message: 'De renderer draait in een sandbox: geen Node-modules. Vraag het aan main via window.balie.',
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'out-dev/', 'dist/', 'test-results/', 'native/pcsc-transactions/build/', 'native/windows-machine/build/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The addon's loader is CommonJS, as node-gyp packages are (native/pcsc-transactions).
    files: ['native/pcsc-transactions/*.js', 'native/windows-machine/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Binary parsing indexes bytes after checking lengths; `!` says so where noUncheckedIndexedAccess cannot see it.
    files: ['native/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Process boundaries.
  {
    files: ['electron/**/*.ts', 'native/**/*.ts'],
    ignores: electronFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/browser-host/bridge-client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins],
          patterns: [
            {
              regex: '(^|/)native/',
              message: 'De renderer spreekt de kaartlezer niet zelf aan: gebruik window.balie.',
            },
            {
              regex: '(^|/)electron/(?!ipc/contract$|ipc/bridge-api$|ipc/validation$|browser-host/wire$|rules/)',
              message: 'De renderer mag uit electron/ alleen het contract en pure regels importeren.',
            },
          ],
        },
      ],
    },
  },
  {
    // Main never shows words of its own: it sends codes, the page words them. The one
    // exception is the `eid` support command, which has no page and prints its
    // messages from the page's catalogue, so each text still exists once per language.
    files: ['electron/**/*.ts'],
    ignores: [...electronFiles, 'electron/cards/cli.ts', 'electron/browser-host/bridge-client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [noRendererWords],
        },
      ],
    },
  },
  {
    files: electronFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [noRendererWords] }] },
  },
  {
    files: ['electron/cards/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ regex: '(^|/)renderer/(?!messages/)', message: 'Het eid-commando gebruikt uit renderer/ alleen de catalogus (renderer/messages/).' }],
        },
      ],
    },
  },
  {
    files: ['native/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ regex: '(^|/)(electron|renderer)/', message: 'native/ staat los van Electron, de UI en UiTPAS.' }],
        },
      ],
    },
  },
);
