/**
 * The value of `--home DIR` or `--home=DIR` on a command line; the last one wins.
 * @param argv - the process arguments (Electron's include the executable and app path; harmless)
 * @returns the directory as written, or undefined when not given
 */
export function homeArgument(argv: readonly string[]): string | undefined {
  let home: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === '--home') {
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith('--')) home = next;
    } else if (arg.startsWith('--home=')) {
      home = arg.slice('--home='.length);
    }
  });
  return home === '' ? undefined : home;
}
