// Lint is where the layering of docs/architecture.md is enforced, not a promise in a README.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Matched as whole module names (a regex), not gitignore globs: the glob `events` also matched a
// local `./events` or `../domain/url`, and a hand-kept list missed `zlib`, `dns`, `buffer`, ….
const escapeRegex = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).map(escapeRegex);

const noElectron = {
  regex: '^electron(-store)?(/.*)?$',
  caseSensitive: true,
  message: 'Only src/main/electron may import electron (docs/architecture.md, layers).',
};
const noNode = {
  regex: `^(node:.*|(${nodeBuiltins.join('|')})(/.*)?)$`,
  caseSensitive: true,
  message: 'src/shared and src/renderer run without Node; pass what you need in.',
};
const noMainFromBelow = {
  group: ['**/main/**', '**/renderer/**'],
  message: 'src/shared is the bottom layer: it imports nothing from main or renderer.',
};
const noRendererInMain = {
  group: ['**/renderer/**'],
  message: 'The main process never imports renderer code.',
};
const noElectronInBrowser = {
  regex: '^\\.{1,2}/(.*/)?electron(/.*)?$',
  caseSensitive: true,
  message: 'Browser mode does not import the Electron shell.',
};
const noShellInServices = {
  // Relative imports of the shells' folders, their index files included (`../electron`).
  regex: '^\\.{1,2}/(.*/)?(electron|browser)(/.*)?$',
  caseSensitive: true,
  message:
    'Services sit below the shells: the Electron shell and browser mode import services, never the reverse.',
};

// no-restricted-syntax is one rule: a later config block replaces the whole list, so every
// block below that sets it starts from `namedExportsOnly` and `rawIpc` again.
const namedExportsOnly = { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' };
const rawIpcMessage =
  'Raw ipcMain/ipcRenderer only in src/main/electron/ipc-bridge.ts and preload.ts.';
const rawIpc = [
  { selector: 'ImportSpecifier[imported.name=/^(ipcMain|ipcRenderer)$/]', message: rawIpcMessage },
  { selector: 'MemberExpression[property.name=/^(ipcMain|ipcRenderer)$/]', message: rawIpcMessage },
  // `const { ipcMain } = electron` (or `= require('electron')`).
  {
    selector: 'ObjectPattern > Property[key.name=/^(ipcMain|ipcRenderer)$/]',
    message: rawIpcMessage,
  },
];
// no-restricted-imports does not see `await import('electron')`.
const noDynamicElectron = {
  selector: 'ImportExpression[source.value=/^electron(-store)?(\\/|$)/]',
  message: noElectron.message,
};
const clockMessage = 'Time is a parameter in src/shared: take `now`.';
const noClockInShared = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
  { selector: "CallExpression[callee.name='Date']", message: clockMessage },
];
const bridgeMessage = 'Use src/renderer/bridge.';
const bridgeOnly = [
  // `(window as Foo).oncall`, which no-restricted-properties does not look through.
  {
    selector:
      "MemberExpression:matches([property.name='oncall'], [property.value='oncall']) > " +
      ':matches(TSAsExpression, TSNonNullExpression, TSSatisfiesExpression, TSTypeAssertion).object ' +
      'Identifier[name=/^(window|globalThis|self)$/]',
    message: bridgeMessage,
  },
  { selector: "ImportSpecifier[imported.name='BRIDGE_GLOBAL_NAME']", message: bridgeMessage },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', '.vite/', 'out/', 'dist/', 'coverage/', 'test-results/', '.tmp/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', namedExportsOnly],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noMainFromBelow] }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/shared has no DOM.' },
        { name: 'document', message: 'src/shared has no DOM.' },
        { name: 'process', message: 'src/shared has no Node; pass values in.' },
        { name: 'Buffer', message: 'src/shared has no Node; use Uint8Array.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Time is a parameter in src/shared: take `now`.',
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            noNode,
            {
              group: ['**/main/**'],
              message: 'The renderer reaches main only through src/renderer/bridge.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The renderer has no Node.' }],
    },
  },
  {
    // Only the bridge may touch the transport (window.oncall / the WebSocket).
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/bridge/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'oncall', message: bridgeMessage },
        { object: 'globalThis', property: 'oncall', message: bridgeMessage },
        { object: 'self', property: 'oncall', message: bridgeMessage },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The renderer has no Node.' },
        { name: 'WebSocket', message: 'Use src/renderer/bridge.' },
      ],
    },
  },
  {
    files: ['src/main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noElectron, noRendererInMain, noShellInServices] },
      ],
    },
  },
  {
    files: ['src/main/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noElectron, noRendererInMain, noElectronInBrowser] },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRendererInMain] }],
    },
  },
  {
    // Raw ipcMain / ipcRenderer only in the two bridge files of the shell.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/electron/ipc-bridge.ts', 'src/main/electron/preload.ts'],
    rules: { 'no-restricted-syntax': ['error', namedExportsOnly, ...rawIpc] },
  },
  {
    files: ['src/main/services/**/*.ts', 'src/main/browser/**/*.ts', 'src/renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', namedExportsOnly, ...rawIpc, noDynamicElectron] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        namedExportsOnly,
        ...rawIpc,
        noDynamicElectron,
        ...noClockInShared,
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/bridge/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        namedExportsOnly,
        ...rawIpc,
        noDynamicElectron,
        ...bridgeOnly,
      ],
    },
  },
  {
    // Config files of the tools themselves must default-export.
    files: ['*.config.ts', '*.config.mjs', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
