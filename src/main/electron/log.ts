import type { AppLog } from '../services/app/app-log';

/**
 * The shell's log, the same shape the services take (`AppLog`). Lines go to the main process's
 * stdout/stderr, which `electron-forge start` and the smoke test show.
 */
export const shellLog: AppLog = (level, message) => {
  const line = `[oncall] [${level}] ${message}`;
  if (level === 'info') console.log(line);
  else console.error(line);
};

/** One readable line for an unknown error (with the stack when there is one). */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
