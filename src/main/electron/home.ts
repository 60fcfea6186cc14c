import { app } from 'electron';
import { resolveHome } from '../services/settings/home-dir';
import { homeArgument } from '../services/shell/home-argument';

/**
 * The app's home: `--home DIR`, else `$ONCALL_HOME`, else Electron's userData directory. It
 * becomes userData too, before anything else runs, so Chromium's own state (and the
 * single-instance lock, which lives there) follow it: two homes are two independent apps.
 * Must run before `app` is ready.
 */
export function setUpHome(): string {
  const home = resolveHome({
    argHome: homeArgument(process.argv) || process.env.ONCALL_HOME || app.getPath('userData'),
    env: process.env,
  });
  app.setPath('userData', home);
  return home;
}
