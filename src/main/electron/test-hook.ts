import type { ShortcutStatus } from '../services/shortcuts/shortcut-registry';
import type { TrayModel } from '../services/tray/tray-model';

/** What the smoke test may read from the main process (read-only snapshots). */
export interface OncallTestHook {
  tray(): { model: TrayModel; destroyed: boolean } | undefined;
  /** The global shortcuts: registered, or why not. */
  shortcuts(): ShortcutStatus[];
  /** The alert the alarm window shows, or undefined when it is not open. */
  alarmWindow(): string | undefined;
  home: string;
}

/**
 * With `ONCALL_TEST=1` only: put a read-only view of the shell on `globalThis.__oncallTest`, for
 * Playwright's `electronApp.evaluate(() => globalThis.__oncallTest…)`. Nothing is ever written
 * through it; without the variable it does not exist.
 */
export function exposeTestHook(hook: OncallTestHook): void {
  if (process.env.ONCALL_TEST !== '1') return;
  Object.defineProperty(globalThis, '__oncallTest', {
    value: Object.freeze(hook),
    enumerable: false,
  });
}
