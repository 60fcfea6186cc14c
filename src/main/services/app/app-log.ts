/** How loud a log line is. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Where services write what an operator may read later (stderr in browser mode, the console in the shell). */
export type AppLog = (level: LogLevel, message: string) => void;

/** A log that writes one line per message to stderr, prefixed with its level. */
export function stderrLog(level: LogLevel, message: string): void {
  process.stderr.write(`[${level}] ${message}\n`);
}
