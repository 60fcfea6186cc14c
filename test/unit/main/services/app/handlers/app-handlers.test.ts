import { describe, expect, it } from 'vitest';
import { APP_SERVICES_SUITE, prodSource, useAppServicesKit } from '../app-services-kit';

describe('app calls: app:info and link:open', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { server, startApp, call, value } = kit;

  it('refuses to open a javascript: link and never hands it to the OS', async () => {
    startApp({ sources: [prodSource((await server()).url)] });

    const result = await call('link:open', { url: 'javascript:alert(1)' });

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-request');
    for (const url of ['file:///etc/passwd', 'https://user:secret@example.com/', 'not a url']) {
      const refused = await call('link:open', { url });
      expect(refused.ok ? 'opened' : refused.error.code).toBe('bad-request');
    }
    expect(kit.openExternal).not.toHaveBeenCalled();
  });

  it('opens an https link with the OS, normalised', async () => {
    startApp({ sources: [prodSource((await server()).url)] });

    const opened = await value('link:open', { url: '  HTTPS://Runbooks.Example.COM/db/latency  ' });

    expect(opened).toEqual({ opened: true });
    expect(kit.openExternal).toHaveBeenCalledTimes(1);
    expect(kit.openExternal).toHaveBeenCalledWith('https://runbooks.example.com/db/latency');
  });

  it('says so when the shell cannot open links', async () => {
    startApp({ sources: [prodSource((await server()).url)] });
    kit.openExternal.mockResolvedValue(false);

    expect(await value('link:open', { url: 'https://example.com/' })).toEqual({ opened: false });
  });

  it('tells which shell it runs in, its version and its home', async () => {
    startApp({});
    expect(await value('app:info', {})).toEqual({
      mode: 'browser',
      version: '9.9.9-test',
      home: kit.home,
    });
  });
});
