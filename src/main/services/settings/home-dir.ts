import os from 'node:os';
import path from 'node:path';
import { makePrivateDirSync } from '../home/private-mode';

/** The product name Electron derives its user-data directory from (package.json `productName`). */
export const PRODUCT_NAME = 'On-Call Companion';

/** Where to look, so tests can ask about another platform or user. */
export interface HomeDirEnvironment {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The user's home directory; default `os.homedir()`. */
  userHome?: string;
}

/**
 * The directory Electron's `app.getPath('userData')` gives the app, so browser mode and the
 * shell share one home: `$XDG_CONFIG_HOME` or `~/.config` on Linux, `~/Library/Application
 * Support` on macOS, `%APPDATA%` on Windows, each followed by the product name.
 */
export function defaultHomeDir(where: HomeDirEnvironment = { env: process.env }): string {
  const platform = where.platform ?? process.platform;
  const userHome = where.userHome ?? os.homedir();
  const { env } = where;
  if (platform === 'win32') {
    return path.win32.join(
      env.APPDATA || path.win32.join(userHome, 'AppData', 'Roaming'),
      PRODUCT_NAME,
    );
  }
  if (platform === 'darwin') {
    return path.posix.join(userHome, 'Library', 'Application Support', PRODUCT_NAME);
  }
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(userHome, '.config'), PRODUCT_NAME);
}

/** Where the home directory may be chosen. */
export interface ResolveHomeOptions extends HomeDirEnvironment {
  /** The value of `--home`, if given; relative paths are taken from the working directory. */
  argHome?: string;
}

/**
 * The app's home directory: `--home`, else `$ONCALL_HOME`, else {@link defaultHomeDir}.
 * Creates it private (0700: it holds the user's settings and incidents), and makes it private
 * when it already existed.
 */
export function resolveHome(options: ResolveHomeOptions): string {
  const chosen = options.argHome || options.env.ONCALL_HOME || defaultHomeDir(options);
  const home = path.resolve(chosen);
  makePrivateDirSync(home);
  return home;
}
