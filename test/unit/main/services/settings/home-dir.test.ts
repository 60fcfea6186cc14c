import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultHomeDir, resolveHome } from '../../../../../src/main/services/settings/home-dir';

describe('defaultHomeDir (the directory Electron gives the app)', () => {
  it('on Linux follows XDG_CONFIG_HOME, else ~/.config', () => {
    expect(
      defaultHomeDir({
        env: { XDG_CONFIG_HOME: '/x/cfg' },
        platform: 'linux',
        userHome: '/home/ana',
      }),
    ).toBe('/x/cfg/On-Call Companion');
    expect(defaultHomeDir({ env: {}, platform: 'linux', userHome: '/home/ana' })).toBe(
      '/home/ana/.config/On-Call Companion',
    );
  });

  it('on macOS is in Application Support', () => {
    expect(defaultHomeDir({ env: {}, platform: 'darwin', userHome: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/On-Call Companion',
    );
  });

  it('on Windows is in %APPDATA%', () => {
    expect(
      defaultHomeDir({
        env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        platform: 'win32',
        userHome: 'C:\\Users\\ana',
      }),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\On-Call Companion');
  });
});

describe('resolveHome', () => {
  let base: string;

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-home-'));
  });

  afterEach(() => {
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('prefers --home, then ONCALL_HOME, then the default directory', () => {
    const env = {
      ONCALL_HOME: path.join(base, 'from-env'),
      XDG_CONFIG_HOME: path.join(base, 'xdg'),
    };
    expect(resolveHome({ argHome: path.join(base, 'from-arg'), env, platform: 'linux' })).toBe(
      path.join(base, 'from-arg'),
    );
    expect(resolveHome({ env, platform: 'linux' })).toBe(path.join(base, 'from-env'));
    expect(resolveHome({ env: { XDG_CONFIG_HOME: env.XDG_CONFIG_HOME }, platform: 'linux' })).toBe(
      path.join(base, 'xdg', 'On-Call Companion'),
    );
  });

  it('creates the directory, private to the user', () => {
    const home = resolveHome({ argHome: path.join(base, 'a', 'b'), env: {} });
    expect(fs.statSync(home).isDirectory()).toBe(true);
    expect(fs.statSync(home).mode & 0o777).toBe(0o700);
  });
});
