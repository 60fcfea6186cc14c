// The one test of the real Electron shell. It runs wherever an Electron binary exists and is
// skipped, saying why, where it does not (machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1):
// the only skip the suite allows (design §6).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { UserConfig } from 'vite';
import type { OncallBridgeApi } from '../../src/shared/ipc/bridge-api';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The executable the `electron` package would start, looked up the way its index.js does but
 * without requiring it (that would try to download a missing binary).
 */
function findElectron(): { binary: string } | { reason: string } {
  const pkg = join(root, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, executable || 'electron')
    : executable
      ? join(pkg, 'dist', executable)
      : undefined;
  if (binary === undefined) {
    return {
      reason:
        'node_modules/electron/path.txt is missing, so the binary was never downloaded ' +
        '(installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or offline)',
    };
  }
  return existsSync(binary) ? { binary } : { reason: `${binary} does not exist` };
}

const electron = findElectron();
const binary = 'binary' in electron ? electron.binary : undefined;
const title =
  'opens the window with the app title, the bridge and the tray' +
  ('reason' in electron
    ? ` (skipped: no Electron binary on this machine: ${electron.reason})`
    : '');

/**
 * Build main, preload and renderer exactly as `electron-forge package` does: Forge 7.11's own
 * config generator (plugin-vite dist/ViteConfig.js) merged with our vite.*.config.ts files.
 */
async function buildLikeForge(): Promise<void> {
  const { default: forgeConfig } = await import('../../forge.config');
  const { VitePlugin } = await import('@electron-forge/plugin-vite');
  const plugin = forgeConfig.plugins?.find(
    (p): p is InstanceType<typeof VitePlugin> => p instanceof VitePlugin,
  );
  if (!plugin) throw new Error('forge.config.ts has no VitePlugin');
  type Generator = new (
    config: unknown,
    dir: string,
    isProd: boolean,
  ) => { getBuildConfigs(): Promise<UserConfig[]>; getRendererConfig(): Promise<UserConfig[]> };
  const mod = (await import('@electron-forge/plugin-vite/dist/ViteConfig.js')) as {
    default: Generator | { default: Generator };
  };
  const ViteConfigGenerator = 'default' in mod.default ? mod.default.default : mod.default;
  const generator = new ViteConfigGenerator(plugin.config, root, true);
  const { build } = await import('vite');
  // Like Forge's prePackage hook: start from an empty .vite.
  rmSync(join(root, '.vite'), { recursive: true, force: true });
  const configs = [
    ...(await generator.getBuildConfigs()),
    ...(await generator.getRendererConfig()),
  ];
  // Forge logs these builds at `silent` (main, preload) and `error` (renderer).
  for (const config of configs) await build({ configFile: false, logLevel: 'error', ...config });
  // main.cjs loads ../renderer/main_window/index.html; a renderer config with its own `root`
  // must give Forge's outDir as an absolute path, or the page lands under that root instead.
  const page = join(root, '.vite/renderer/main_window/index.html');
  if (!existsSync(page)) throw new Error(`The renderer build did not write ${page}.`);
}

describe('Electron shell (smoke)', () => {
  let app: ElectronApplication | undefined;
  let home: string | undefined;

  afterAll(async () => {
    await app?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it.skipIf(binary === undefined)(title, async () => {
    await buildLikeForge();
    home = mkdtempSync(join(tmpdir(), 'oncall-electron-'));
    // The app directory (package.json "main" = .vite/build/main.cjs), not the bundle itself, so
    // the name, productName and version come from package.json as in the packaged app.
    app = await _electron.launch({
      executablePath: binary,
      args: ['.', '--home', home],
      cwd: root,
      env: { ...process.env, ONCALL_TEST: '1' },
    });
    const page = await app.firstWindow();

    const windowTitle = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.getTitle(),
    );
    expect(windowTitle).toBe('On-Call Companion');

    // The page has the bridge and no Node (context isolation, sandbox, no nodeIntegration); a call
    // goes through the preload, the sender check and the dispatcher.
    await page.waitForFunction(() => 'oncall' in window);
    expect(
      await page.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
    const info = await page.evaluate(() =>
      (window as unknown as { oncall: OncallBridgeApi }).oncall.invoke('app:info', {}),
    );
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ mode: 'electron', home }) });

    // The tray, through the read-only ONCALL_TEST hook.
    await expect
      .poll(() =>
        app?.evaluate(() => {
          const hook = (globalThis as { __oncallTest?: { tray(): unknown } }).__oncallTest;
          return hook?.tray();
        }),
      )
      .toMatchObject({
        destroyed: false,
        model: {
          icon: 'idle',
          title: '',
          menu: expect.arrayContaining([
            { kind: 'status', label: 'Nothing unacknowledged' },
            {
              kind: 'toggle',
              action: { type: 'doNotDisturb', on: true },
              label: 'Do not disturb',
              checked: false,
            },
            { kind: 'action', action: { type: 'open' }, label: 'Open' },
            { kind: 'action', action: { type: 'quit' }, label: 'Quit' },
          ]),
        },
      });
    // The global shortcut that opens the window: registered, or why not (Xvfb has no other app).
    const shortcuts = await app?.evaluate(() =>
      (globalThis as { __oncallTest?: { shortcuts(): unknown } }).__oncallTest?.shortcuts(),
    );
    expect(shortcuts).toEqual([
      { name: 'openWindow', accelerator: 'CommandOrControl+Alt+O', registered: true },
    ]);

    // Nothing rings (no sources): no alarm window, the main window is the only one.
    const alarmWindow = await app?.evaluate(() =>
      (globalThis as { __oncallTest?: { alarmWindow(): unknown } }).__oncallTest?.alarmWindow(),
    );
    expect(alarmWindow).toBeUndefined();
    expect(await app?.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
      1,
    );
  });
});
