// Since electron 3x the `electron` package no longer downloads its binary at install time but on
// first use. Fetch it here so `npm install && npm start` runs the real app on a machine with
// network; never fail the install over it, because browser mode works without the binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installer = join(root, 'node_modules', 'electron', 'install.js');
const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;

if (skip && skip !== '0' && skip !== 'false') {
  console.error(
    'postinstall: ELECTRON_SKIP_BINARY_DOWNLOAD is set; not downloading Electron. `npm start` will use browser mode.',
  );
} else if (existsSync(installer)) {
  const result = spawnSync(process.execPath, [installer], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60_000,
  });
  if (result.status !== 0) {
    const reason =
      result.stderr
        ?.toString()
        .split('\n')
        .find((line) => line.trim() !== '') ?? 'no reason given';
    console.error(
      `postinstall: the Electron binary could not be downloaded (${reason.trim()}). ` +
        '`npm start` will use browser mode; retry later with `npx install-electron`.',
    );
  }
}
