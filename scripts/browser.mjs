// `npm run browser -- [--home DIR] [--port N]`: the app's services in plain Node, the UI in any
// browser. Rebuilds the UI and browser mode's main bundle only when their sources are newer than
// the last build, quietly, so the first line on stdout is the address to open.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, dirname } from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = join(root, 'dist/renderer/index.html');
const bundleDir = join(root, '.vite/browser');
const bundle = join(bundleDir, 'cli.mjs');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(built, sources) {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.map((p) => join(root, p)).some((p) => existsSync(p) && newestMtime(p) > builtAt);
}

// In a child process: vite loaded here would stay in browser mode's memory all shift. Its
// stdout goes to our stderr, so the first line on stdout stays the address.
function viteBuild(config, ...args) {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  try {
    execFileSync(process.execPath, [vite, 'build', '-c', config, '--logLevel', 'warn', ...args], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    });
    return true;
  } catch {
    process.stderr.write(
      `Could not build with ${config} (its errors are above); fix them and run this again.\n`,
    );
    return false;
  }
}

if (isStale(builtIndex, ['src/renderer', 'src/shared', 'vite.renderer.config.ts'])) {
  process.stderr.write('Building the UI…\n');
  if (!viteBuild('vite.renderer.config.ts')) process.exit(1);
}

// Run as a bundle with plain node rather than through the tsx loader: less memory and less CPU
// all shift long (vite.browser.config.ts says how much).
const bundleSources = [
  'src/main',
  'src/shared',
  'vite.browser.config.ts',
  'vite.main.config.ts',
  // The packages are bundled too.
  'package-lock.json',
];
// Built aside, then moved in file by file, the entry last: a browser mode starting meanwhile
// (tests start several) never reads a half-written bundle.
function buildBundle() {
  mkdirSync(join(root, '.vite'), { recursive: true });
  const staging = mkdtempSync(join(root, '.vite', 'browser-build-'));
  try {
    if (!viteBuild('vite.browser.config.ts', '--outDir', staging)) return false;
    mkdirSync(bundleDir, { recursive: true });
    const files = readdirSync(staging).filter((file) => file !== 'cli.mjs');
    for (const file of [...files, 'cli.mjs'])
      renameSync(join(staging, file), join(bundleDir, file));
    return true;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (isStale(bundle, bundleSources)) {
  process.stderr.write('Building browser mode…\n');
  if (!buildBundle()) process.exit(1);
}

// V8's memory reducer shrinks the heap a few seconds after start with up to three full GCs in a
// row; after the first the heap no longer shrinks (13.1 → 13.1 MB), yet the other two were
// ≈ 60 % of browser mode's CPU in its first minute (issue 10's idle budget). One is enough.
// V8 reads the flag when the reducer runs, so setting it here, before the bundle, takes effect.
v8.setFlagsFromString('--memory-reducer-single-gc');

await import(pathToFileURL(bundle).href);
