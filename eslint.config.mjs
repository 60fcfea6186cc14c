// Lint is where the layering of docs/architecture.md is enforced, not a promise in a README.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'stream',
  'url',
  'util',
  'events',
  'worker_threads',
];

const noElectron = {
  group: ['electron', 'electron/*', 'electron-store'],
  message: 'Only src/main/electron may import electron (docs/architecture.md, layers).',
};
const noNode = {
  group: nodeBuiltins,
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
const noShellInServices = {
  group: ['**/electron/**', '**/browser/**'],
  message: 'Services sit below the shells: the Electron shell and browser mode import services, never the reverse.',
};

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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Named exports only.',
        },
      ],
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
        { object: 'Date', property: 'now', message: 'Time is a parameter in src/shared: take `now`.' },
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
            { group: ['**/main/**'], message: 'The renderer reaches main only through src/renderer/bridge.' },
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
        { object: 'window', property: 'oncall', message: 'Use src/renderer/bridge.' },
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
      'no-restricted-imports': ['error', { patterns: [noElectron, noRendererInMain, noShellInServices] }],
    },
  },
  {
    files: ['src/main/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noRendererInMain, { group: ['**/electron/**'], message: 'Browser mode does not import the Electron shell.' }] }],
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
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
        {
          selector: "ImportSpecifier[imported.name=/^(ipcMain|ipcRenderer)$/]",
          message: 'Raw ipcMain/ipcRenderer only in src/main/electron/ipc-bridge.ts and preload.ts.',
        },
        {
          selector: "MemberExpression[property.name=/^(ipcMain|ipcRenderer)$/]",
          message: 'Raw ipcMain/ipcRenderer only in src/main/electron/ipc-bridge.ts and preload.ts.',
        },
      ],
    },
  },
  {
    // Config files of the tools themselves must default-export.
    files: ['*.config.ts', '*.config.mjs', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
