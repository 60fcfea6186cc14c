// Main process bundle: .vite/build/main.cjs (package.json "main").
//
// Forge 7.11's Vite plugin merges its own base under this file (plugin-vite
// dist/config/vite.main.config.js + vite.base.config.js): outDir .vite/build, emptyOutDir false,
// minify on `package`, electron + Node builtins external, `resolve.conditions: ['node']`, the
// MAIN_WINDOW_VITE_* defines, and — only when this file has no `build.lib` — a lib entry named
// `[name].js`. "type": "module" in package.json would make Node read a `.js` bundle as ESM, so
// this file sets `build.lib` itself (CommonJS, `.cjs`) and repeats the base, so that a plain
// `vite build -c vite.main.config.ts` produces the same bundle as Forge does.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';

const ENTRY = 'src/main/electron/main.ts';
/**
 * The worker threads, each its own bundle: the runbook parser's (started by start-runbook-worker.ts)
 * and the iCalendar feed parser's (started by start-ics-worker.ts).
 */
const WORKERS = [
  { entry: 'src/main/services/runbooks/parse-runbook-worker.ts', file: 'runbook-parse-worker.cjs' },
  { entry: 'src/main/services/schedules/ics-parse-worker.ts', file: 'ics-parse-worker.cjs' },
] as const;
const OUT_DIR = '.vite/build';
const ICONS_DIR = 'assets/icons';

/** Electron and every Node builtin stay `require` calls; everything else is bundled. */
const external = [
  'electron',
  /^electron\//,
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

/** The shell notifies through Electron's Notification; node-notifier is browser mode's. */
function forbidModules(names: readonly string[]): Plugin {
  return {
    name: 'oncall:forbid-modules',
    resolveId(source, importer) {
      const hit = names.find((name) => source === name || source.startsWith(`${name}/`));
      if (hit)
        this.error(
          `${hit} must not be in the Electron shell bundle (imported by ${importer ?? '?'}).`,
        );
      return null;
    },
  };
}

/** Copies the app and tray PNGs next to main.cjs (`icons/…`), so they are inside the asar. */
function copyIcons(): Plugin {
  return {
    name: 'oncall:copy-icons',
    generateBundle() {
      for (const folder of ['app', 'tray']) {
        const dir = path.join(ICONS_DIR, folder);
        for (const file of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
          this.addWatchFile(path.resolve(dir, file));
          this.emitFile({
            type: 'asset',
            fileName: `icons/${folder}/${file}`,
            source: readFileSync(path.join(dir, file)),
          });
        }
      }
    },
  };
}

/**
 * Builds the workers next to the main bundle after each build of it (main.cjs here,
 * browser mode's cli.mjs in vite.browser.config.ts), in the same outDir. A worker thread runs its
 * own file, and the main bundle is one file (no code splitting), so the worker is a second,
 * separate build with the same settings (src/main/services/worker/start-worker.ts explains how it is started).
 * @param minify - whether to minify it (for `package`, as the main bundle)
 */
export function bundleWorkers(minify: boolean): Plugin {
  let root = process.cwd();
  let outDir = OUT_DIR;
  return {
    name: 'oncall:workers',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      for (const worker of WORKERS) {
        await build({
          root,
          configFile: false,
          logLevel: 'warn',
          clearScreen: false,
          build: {
            outDir,
            emptyOutDir: false,
            copyPublicDir: false,
            target: 'node22',
            minify,
            lib: { entry: worker.entry, formats: ['cjs'], fileName: () => worker.file },
            rollupOptions: { external, output: { codeSplitting: false } },
          },
          resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
        });
      }
    },
  };
}

export default defineConfig(({ command }) => ({
  build: {
    outDir: OUT_DIR,
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'node22',
    minify: command === 'build',
    lib: { entry: ENTRY, formats: ['cjs'], fileName: () => 'main.cjs' },
    rollupOptions: {
      external,
      // One file: a split chunk would be named .js and read as ESM under "type": "module".
      output: { codeSplitting: false, chunkFileNames: '[name]-[hash].cjs' },
    },
  },
  resolve: {
    conditions: ['node'],
    mainFields: ['module', 'jsnext:main', 'jsnext'],
  },
  define: {
    // main.cjs is CommonJS, where rolldown empties `import.meta` (Rollup polyfilled its `url`).
    // start-worker.ts finds a worker's bundle next to main.cjs by `import.meta.url`,
    // and calls `import.meta.resolve` only when it runs from TypeScript source, never from here.
    'import.meta.url': 'require("node:url").pathToFileURL(__filename).href',
    'import.meta.resolve': 'undefined',
  },
  plugins: [forbidModules(['node-notifier']), copyIcons(), bundleWorkers(command === 'build')],
  clearScreen: false,
}));
