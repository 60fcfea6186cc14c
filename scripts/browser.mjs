// `npm run browser -- [--home DIR] [--port N]`: the app's services in plain Node, the UI in any
// browser. Rebuilds the renderer only when its sources are newer than the last build, quietly,
// so the first line on stdout is the address to open.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = join(root, 'dist/renderer/index.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function rendererIsStale() {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  const sources = ['src/renderer', 'src/shared', 'vite.renderer.config.ts'].map((p) =>
    join(root, p),
  );
  return sources.some((p) => existsSync(p) && newestMtime(p) > built);
}

if (rendererIsStale()) {
  process.stderr.write('Building the UI…\n');
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.renderer.config.ts'), logLevel: 'warn' });
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/main/browser/cli.ts');
