// `npm start [-- --home DIR]`: the Electron app through `electron-forge start` when an Electron
// binary exists; otherwise one line saying why (on stderr, so browser mode's first stdout line
// stays the address to open) and browser mode with the same arguments.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron executable the `electron` package would start, or undefined when it is absent.
 * Same lookup as node_modules/electron/index.js (path.txt, ELECTRON_OVERRIDE_DIST_PATH), but
 * without `require('electron')` itself: since electron 3x that tries to download a missing binary.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const file = join(override, executable || 'electron');
    return existsSync(file) ? file : undefined;
  }
  if (!executable) return undefined;
  const file = join(pkg, 'dist', executable);
  return existsSync(file) ? file : undefined;
}

const args = process.argv.slice(2);
let command;
if (electronBinary()) {
  const forge = join(root, 'node_modules', '@electron-forge', 'cli', 'dist', 'electron-forge.js');
  command = [forge, 'start', ...(args.length > 0 ? ['--', ...args] : [])];
} else {
  process.stderr.write(
    'Electron binary not found (installed with ELECTRON_SKIP_BINARY_DOWNLOAD or offline); starting browser mode instead.\n',
  );
  command = [join(root, 'scripts', 'browser.mjs'), ...args];
}

const child = spawn(process.execPath, command, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  process.stderr.write(`Could not start ${command[0]}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
});
