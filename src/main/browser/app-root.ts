import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The app's folder (package.json, dist/renderer), the nearest one up from `dir` with a
 * package.json: browser mode runs from src/main/browser (through tsx, in tests) and from its
 * bundle in .vite/browser, at different depths.
 * @param dir - the folder of the running module
 */
export function findAppRoot(dir: string): string {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, 'package.json'))) return current;
    if (dirname(current) === current)
      throw new Error(
        `No package.json in ${dir} or above it: run browser mode from the app's folder (npm run browser).`,
      );
  }
}
