import { parseArgs } from 'node:util';

/** What `npm run browser -- [--home DIR] [--port N]` was asked for. */
export interface BrowserArgs {
  home?: string;
  /** 0 picks a free port. */
  port: number;
}

/**
 * Read the browser-mode command line. Throws an Error whose message says what was wrong and
 * how to call it, so the CLI can print it and exit 2.
 * @param argv - arguments after the script name
 */
export function parseBrowserArgs(argv: readonly string[]): BrowserArgs {
  let values: { home?: string; port?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { home: { type: 'string' }, port: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
  // Digits only: Number() would read "" (an unset $PORT) as 0, a random port, and "0x50" as 80.
  const port =
    values.port === undefined ? 0 : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `--port must be a whole number from 0 to 65535, not "${values.port}".\n${USAGE}`,
    );
  }
  if (values.home !== undefined && values.home.trim() === '') {
    throw new Error(`--home needs a directory.\n${USAGE}`);
  }
  return { home: values.home, port };
}

const USAGE = 'Usage: npm run browser -- [--home DIR] [--port N]';
