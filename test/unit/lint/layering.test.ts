// Proves that eslint.config.mjs enforces the layering of docs/architecture.md §2: each case lints
// a snippet as if it lived at a given path, with the project's own config.
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`could not parse ${filePath}: ${fatal[0]?.message}`);
  return result.messages;
}

/** Expect exactly one problem of `ruleId` whose message matches `reason`. */
async function expectRefused(filePath: string, code: string, ruleId: string, reason: RegExp) {
  const messages = await lint(filePath, code);
  const hits = messages.filter((m) => m.ruleId === ruleId && reason.test(m.message));
  expect(
    hits,
    `${filePath}: expected ${ruleId} matching ${reason}, got ${JSON.stringify(messages)}`,
  ).toHaveLength(1);
  expect(hits[0]?.severity).toBe(2);
}

/** Expect the snippet to be clean: no layering problem and nothing else either. */
async function expectAllowed(filePath: string, code: string) {
  expect(await lint(filePath, code)).toEqual([]);
}

const ELECTRON_ONLY = /Only src\/main\/electron may import electron/;
const NO_NODE = /run without Node/;
const RAW_IPC = /Raw ipcMain\/ipcRenderer only in src\/main\/electron\/ipc-bridge\.ts/;
const USE_BRIDGE = /Use src\/renderer\/bridge/;
const TIME_IS_A_PARAMETER = /Time is a parameter in src\/shared/;

describe('electron stays in src/main/electron', () => {
  const importApp = "import { app } from 'electron';\nexport const a = app;\n";

  it.each([
    'src/shared/x.ts',
    'src/main/services/x.ts',
    'src/main/services/sources/x.ts',
    'src/main/browser/x.ts',
    'src/renderer/x.ts',
    'src/renderer/features/alerts/x.tsx',
  ])('refuses `import { app } from "electron"` in %s', async (file) => {
    await expectRefused(file, importApp, 'no-restricted-imports', ELECTRON_ONLY);
  });

  it.each([
    ["import type { NativeImage } from 'electron';\nexport type I = NativeImage;\n"],
    ["import { app } from 'electron/main';\nexport const a = app;\n"],
    ["import Store from 'electron-store';\nexport const s = Store;\n"],
    ["export { app } from 'electron';\n"],
  ])('refuses the electron import %j in a service', async (code) => {
    await expectRefused('src/main/services/x.ts', code, 'no-restricted-imports', ELECTRON_ONLY);
  });

  it.each(['src/main/services/x.ts', 'src/shared/x.ts', 'src/renderer/features/x.tsx'])(
    'refuses a dynamic import of electron in %s',
    async (file) => {
      const code = "export async function f() {\n  return (await import('electron')).app;\n}\n";
      await expectRefused(file, code, 'no-restricted-syntax', ELECTRON_ONLY);
    },
  );

  it('allows electron in the shell', async () => {
    await expectAllowed('src/main/electron/x.ts', importApp);
    await expectAllowed(
      'src/main/electron/x.ts',
      "export async function f() {\n  return (await import('electron')).app;\n}\n",
    );
  });

  it('does not mistake a package that merely starts with "electron" for electron', async () => {
    await expectAllowed(
      'src/main/services/x.ts',
      "import { x } from 'electronics-catalogue';\nexport const a = x;\n",
    );
  });
});

describe('services sit below the shells', () => {
  it.each([
    '../electron/tray',
    '../../electron/tray',
    '../electron',
    '../browser/server',
    '../browser',
  ])('refuses a service importing %s', async (from) => {
    await expectRefused(
      'src/main/services/sources/x.ts',
      `import { t } from '${from}';\nexport const a = t;\n`,
      'no-restricted-imports',
      /Services sit below the shells/,
    );
  });

  it('refuses browser mode importing the Electron shell', async () => {
    await expectRefused(
      'src/main/browser/x.ts',
      "import { t } from '../electron/tray';\nexport const a = t;\n",
      'no-restricted-imports',
      /Browser mode does not import the Electron shell/,
    );
  });

  it('refuses main importing renderer code', async () => {
    await expectRefused(
      'src/main/services/x.ts',
      "import { t } from '../../renderer/stores/alerts';\nexport const a = t;\n",
      'no-restricted-imports',
      /main process never imports renderer code/,
    );
  });

  it('lets services import each other, shared code and Node', async () => {
    await expectAllowed(
      'src/main/services/sources/x.ts',
      [
        "import { readFile } from 'node:fs/promises';",
        "import { poll } from '../poller/poll-every';",
        "import { sortAlerts } from '../../../shared/domain/alert-order';",
        'export const a = [readFile, poll, sortAlerts];',
        '',
      ].join('\n'),
    );
  });

  it('lets the shells import services', async () => {
    const code = "import { s } from '../services/sources/x';\nexport const a = s;\n";
    await expectAllowed('src/main/electron/x.ts', code);
    await expectAllowed('src/main/browser/x.ts', code);
  });
});

describe('src/shared and src/renderer run without Node', () => {
  it.each([
    ['src/shared/x.ts', 'node:fs'],
    ['src/shared/x.ts', 'fs'],
    ['src/shared/x.ts', 'fs/promises'],
    ['src/shared/x.ts', 'node:crypto'],
    ['src/shared/x.ts', 'zlib'],
    ['src/shared/x.ts', 'dns/promises'],
    ['src/shared/x.ts', 'buffer'],
    ['src/renderer/x.ts', 'node:fs'],
    ['src/renderer/x.ts', 'fs'],
    ['src/renderer/features/x.tsx', 'path'],
    ['src/renderer/features/x.tsx', 'child_process'],
  ])('refuses in %s an import of %s', async (file, from) => {
    await expectRefused(
      file,
      `import m from '${from}';\nexport const a = m;\n`,
      'no-restricted-imports',
      NO_NODE,
    );
  });

  it.each([
    ['src/shared/ipc/x.ts', './events'],
    ['src/shared/templates/x.ts', '../domain/url'],
    ['src/shared/metrics/x.ts', './stream/path'],
    ['src/renderer/features/x.tsx', '../stores/events'],
  ])('does not mistake the local module %s (in %s) for a Node built-in', async (file, from) => {
    await expectAllowed(file, `import { m } from '${from}';\nexport const a = m;\n`);
  });

  it.each([
    ['process', 'export const a = process.env.HOME;\n'],
    ['Buffer', "export const a = Buffer.from('x');\n"],
    ['window', 'export const a = window.location;\n'],
    ['document', 'export const a = document.title;\n'],
  ])('refuses the global %s in src/shared', async (name, code) => {
    const messages = await lint('src/shared/x.ts', code);
    expect(messages.map((m) => m.ruleId)).toEqual(['no-restricted-globals']);
    expect(messages[0]?.message).toMatch(/src\/shared has no (DOM|Node)/);
    expect(messages[0]?.message).toContain(name);
  });

  it('refuses process in the renderer', async () => {
    await expectRefused(
      'src/renderer/features/x.tsx',
      'export const a = process.env.NODE_ENV;\n',
      'no-restricted-globals',
      /The renderer has no Node/,
    );
  });

  it('lets src/shared import zod and its own modules', async () => {
    await expectAllowed(
      'src/shared/templates/x.ts',
      [
        "import { z } from 'zod';",
        "import { sortAlerts } from '../domain/alert-order';",
        'export const a = [z, sortAlerts];',
        '',
      ].join('\n'),
    );
  });

  it('refuses src/shared importing from main or renderer', async () => {
    for (const from of ['../../main/services/x', '../../renderer/stores/x']) {
      await expectRefused(
        'src/shared/domain/x.ts',
        `import { m } from '${from}';\nexport const a = m;\n`,
        'no-restricted-imports',
        /src\/shared is the bottom layer/,
      );
    }
  });

  it('refuses the renderer importing main', async () => {
    await expectRefused(
      'src/renderer/features/x.tsx',
      "import { m } from '../../main/services/x';\nexport const a = m;\n",
      'no-restricted-imports',
      /reaches main only through src\/renderer\/bridge/,
    );
  });
});

describe('time is a parameter in src/shared', () => {
  it('refuses Date.now()', async () => {
    await expectRefused(
      'src/shared/x.ts',
      'export const a = Date.now();\n',
      'no-restricted-properties',
      TIME_IS_A_PARAMETER,
    );
  });

  it.each([
    ['new Date()', 'export const a = new Date();\n'],
    ['Date()', 'export const a = Date();\n'],
  ])('refuses %s, which reads the clock too', async (_what, code) => {
    await expectRefused('src/shared/x.ts', code, 'no-restricted-syntax', TIME_IS_A_PARAMETER);
  });

  it('allows dates built from a given time', async () => {
    await expectAllowed(
      'src/shared/x.ts',
      'export const f = (now: Date, iso: string) => [new Date(now.getTime()), Date.parse(iso)];\n',
    );
  });
});

describe('raw ipcMain / ipcRenderer only in the bridge files', () => {
  it('refuses ipcRenderer in the renderer, as an electron import and as raw IPC', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n";
    await expectRefused('src/renderer/x.tsx', code, 'no-restricted-syntax', RAW_IPC);
    await expectRefused('src/renderer/x.tsx', code, 'no-restricted-imports', ELECTRON_ONLY);
  });

  it.each([
    ["import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
    ["import { ipcMain as m } from 'electron';\nexport const a = m;\n"],
    ["import * as electron from 'electron';\nexport const a = electron.ipcMain;\n"],
    [
      "import * as electron from 'electron';\nconst { ipcMain } = electron;\nexport const a = ipcMain;\n",
    ],
  ])('refuses %j in another shell file', async (code) => {
    await expectRefused('src/main/electron/other.ts', code, 'no-restricted-syntax', RAW_IPC);
  });

  it('allows ipcMain in ipc-bridge.ts and ipcRenderer in preload.ts', async () => {
    await expectAllowed(
      'src/main/electron/ipc-bridge.ts',
      "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n",
    );
    await expectAllowed(
      'src/main/electron/preload.ts',
      "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
    );
  });

  it('still asks for named exports in the bridge files', async () => {
    await expectRefused(
      'src/main/electron/ipc-bridge.ts',
      'export default 1;\n',
      'no-restricted-syntax',
      /Named exports only/,
    );
  });
});

describe('only src/renderer/bridge touches window.oncall', () => {
  it.each([
    ['window.oncall', 'no-restricted-properties', 'export const a = window.oncall;\n'],
    ["window['oncall']", 'no-restricted-properties', "export const a = window['oncall'];\n"],
    ['globalThis.oncall', 'no-restricted-properties', 'export const a = globalThis.oncall;\n'],
    [
      'destructuring',
      'no-restricted-properties',
      'const { oncall } = window;\nexport const a = oncall;\n',
    ],
    [
      'a cast',
      'no-restricted-syntax',
      'export const a = (window as unknown as { oncall: unknown }).oncall;\n',
    ],
    [
      'a non-null assertion',
      'no-restricted-syntax',
      "export const a = (globalThis as unknown as Record<string, unknown>)!['oncall'];\n",
    ],
    [
      'the global name constant',
      'no-restricted-syntax',
      "import { BRIDGE_GLOBAL_NAME } from '../../shared/ipc/bridge-api';\nexport const a = BRIDGE_GLOBAL_NAME;\n",
    ],
    ['a raw WebSocket', 'no-restricted-globals', "export const a = new WebSocket('ws://x');\n"],
  ])('refuses %s in a feature', async (_what, ruleId, code) => {
    await expectRefused('src/renderer/features/x.tsx', code, ruleId, USE_BRIDGE);
  });

  it('allows all of it in the bridge', async () => {
    await expectAllowed('src/renderer/bridge/x.ts', 'export const a = window.oncall;\n');
    await expectAllowed(
      'src/renderer/bridge/x.ts',
      [
        "import { BRIDGE_GLOBAL_NAME } from '../../shared/ipc/bridge-api';",
        'export const a = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL_NAME];',
        "export const b = new WebSocket('ws://127.0.0.1:1');",
        '',
      ].join('\n'),
    );
  });

  it('leaves an unrelated `oncall` property alone', async () => {
    await expectAllowed(
      'src/renderer/features/x.tsx',
      'export const f = (rota: { oncall: string }) => rota.oncall;\n',
    );
  });
});

describe('named exports only', () => {
  it.each([
    'src/shared/x.ts',
    'src/main/services/x.ts',
    'src/main/electron/x.ts',
    'src/renderer/features/x.tsx',
    'test/unit/x.test.ts',
  ])('refuses export default in %s', async (file) => {
    await expectRefused(file, 'export default 1;\n', 'no-restricted-syntax', /Named exports only/);
  });

  it('lets the tools’ own config files default-export', async () => {
    await expectAllowed('vite.renderer.config.ts', 'export default { root: "." };\n');
  });
});
