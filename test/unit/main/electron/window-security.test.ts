import { describe, expect, it } from 'vitest';
import { createAppPageMatcher } from '../../../../src/main/services/shell/app-page';
import { isPermissionGranted } from '../../../../src/main/services/shell/web-preferences';

describe('app page matcher (IPC sender check and navigation guard)', () => {
  const built = createAppPageMatcher('oncall://app/index.html');

  it("accepts the app's own scheme and host, whatever the path, query or hash", () => {
    expect(built('oncall://app/index.html')).toBe(true);
    expect(built('oncall://app/index.html#/settings')).toBe(true);
    // The alarm window's page: its IPC calls pass the same sender check.
    expect(built('oncall://app/index.html#alarm')).toBe(true);
    expect(built('oncall://app/assets/index-abc.js?x=1')).toBe(true);
  });

  it('refuses file: pages, other hosts, other schemes and garbage', () => {
    expect(built('file:///tmp/evil.html')).toBe(false);
    expect(
      built(
        'file:///opt/On-Call%20Companion/resources/app.asar/.vite/renderer/main_window/index.html',
      ),
    ).toBe(false);
    expect(built('oncall://evil/index.html')).toBe(false);
    expect(built('oncall-x://app/index.html')).toBe(false);
    expect(built('https://example.org/index.html')).toBe(false);
    expect(built('about:blank')).toBe(false);
    expect(built('not a url')).toBe(false);
    expect(built('')).toBe(false);
  });

  it('accepts the whole dev server origin, and nothing else', () => {
    const dev = createAppPageMatcher('http://localhost:5173');
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://127.0.0.1:5173/')).toBe(false);
    expect(dev('https://localhost:5173/')).toBe(false);
    expect(dev('http://localhost:5173.evil.example/')).toBe(false);
  });

  it('refuses to be built on a page it cannot check', () => {
    expect(() => createAppPageMatcher('data:text/html,hi')).toThrow(/http\(s\) or oncall:\/\/app/);
    expect(() =>
      createAppPageMatcher('file:///opt/app/.vite/renderer/main_window/index.html'),
    ).toThrow(/http\(s\) or oncall:\/\/app/);
  });
});

describe('permissions', () => {
  const isAppPage = createAppPageMatcher('http://localhost:5173');

  it('denies everything but clipboard writes from the app page', () => {
    expect(
      isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5173/', isAppPage),
    ).toBe(true);
    expect(
      isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', isAppPage),
    ).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, isAppPage)).toBe(false);
    for (const permission of [
      'clipboard-read',
      'notifications',
      'media',
      'geolocation',
      'openExternal',
      'fullscreen',
    ]) {
      expect(isPermissionGranted(permission, 'http://localhost:5173/', isAppPage)).toBe(false);
    }
  });
});
