import { describe, expect, it } from 'vitest';
import { parseBrowserArgs } from '../../../../src/main/browser/cli-args';

const USAGE = 'Usage: npm run browser -- [--home DIR] [--port N]';

/** The message parseBrowserArgs throws for `argv`; fails the test when it does not throw. */
function errorOf(argv: string[]): string {
  try {
    parseBrowserArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error(`parseBrowserArgs(${JSON.stringify(argv)}) did not throw`);
}

describe('parseBrowserArgs', () => {
  it('with no arguments, picks a free port and leaves the home to the usual lookup', () => {
    expect(parseBrowserArgs([])).toEqual({ home: undefined, port: 0 });
  });

  it('takes --home in both spellings', () => {
    expect(parseBrowserArgs(['--home', '/tmp/oncall'])).toEqual({ home: '/tmp/oncall', port: 0 });
    expect(parseBrowserArgs(['--home=/tmp/on call'])).toEqual({
      home: '/tmp/on call',
      port: 0,
    });
  });

  it('takes --port, and both flags together in any order', () => {
    expect(parseBrowserArgs(['--port', '8080'])).toEqual({ home: undefined, port: 8080 });
    expect(parseBrowserArgs(['--port=0']).port).toBe(0);
    expect(parseBrowserArgs(['--port', '65535']).port).toBe(65535);
    expect(parseBrowserArgs(['--port', '9000', '--home', '/srv/oc'])).toEqual({
      home: '/srv/oc',
      port: 9000,
    });
  });

  it.each([
    ['not a number', 'http'],
    ['above the range', '65536'],
    ['negative', '-1'],
    ['a fraction', '80.5'],
    ['empty, as from an unset $PORT', ''],
    ['blank', ' '],
    ['hexadecimal', '0x50'],
    ['in exponent notation', '1e3'],
  ])('refuses a port that is %s, naming it and the usage', (_what, value) => {
    const message = errorOf([`--port=${value}`]);
    expect(message).toContain('--port must be a whole number from 0 to 65535');
    expect(message).toContain(`"${value}"`);
    expect(message).toContain(USAGE);
  });

  it('refuses --port without a value', () => {
    const message = errorOf(['--port']);
    expect(message).toMatch(/--port/);
    expect(message).toMatch(/missing/);
    expect(message).toContain(USAGE);
  });

  it('refuses an empty --home', () => {
    const message = errorOf(['--home=']);
    expect(message).toContain('--home needs a directory');
    expect(message).toContain(USAGE);
    expect(errorOf(['--home', '   '])).toContain('--home needs a directory');
  });

  it('refuses an unknown flag, naming it and the usage', () => {
    const message = errorOf(['--verbose']);
    expect(message).toContain("Unknown option '--verbose'");
    expect(message).toContain(USAGE);
  });

  it('refuses a stray argument, naming it and the usage', () => {
    const message = errorOf(['8080']);
    expect(message).toContain("'8080'");
    expect(message).toContain(USAGE);
  });

  it('refuses a flag where a value belongs instead of taking the flag as the value', () => {
    const message = errorOf(['--home', '--port', '8080']);
    expect(message).toContain('--home');
    expect(message).toContain(USAGE);
  });
});
