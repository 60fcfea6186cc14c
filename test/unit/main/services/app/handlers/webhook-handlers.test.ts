import fs from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { maskSecret } from '../../../../../../src/main/services/secrets/secret-store';
import { freePort } from '../../../../../support/free-port';
import { memorySecretStore } from '../../../../../support/memory-secret-store';
import { alertmanagerFixture } from '../../sources/fixtures';
import { APP_SERVICES_SUITE, WAIT, prodSource, useAppServicesKit } from '../app-services-kit';

const firing = alertmanagerFixture('webhook-firing-0.25.json');

/** POST a body to the receiver as Alertmanager does. */
const push = (url: string, token: string | undefined, body = firing) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
    },
    body,
  });

describe('the webhook receiver and its tokens', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { server, startApp, call, value } = kit;

  async function startPushing() {
    const secrets = memorySecretStore();
    kit.secretStore = secrets;
    const port = await freePort();
    const am = await server();
    startApp({ sources: [{ ...prodSource(am.url), push: true }], webhook: { port } });
    const url = `http://127.0.0.1:${port}/alertmanager/prod`;
    await vi.waitFor(async () => {
      const info = await value('source:webhook', { sourceId: 'prod' });
      expect(info.receiver).toEqual({ state: 'listening', port });
    }, WAIT);
    return { secrets, port, url };
  }

  it('shows the URL and no token until one is made; the token is shown once, then masked', async () => {
    const { secrets, url } = await startPushing();
    const before = await value('source:webhook', { sourceId: 'prod' });
    expect(before).toMatchObject({ url, credential: { set: false } });
    expect(before.token).toBeUndefined();

    const made = await value('source:webhook', { sourceId: 'prod', newToken: true });
    const token = made.token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.credential).toEqual({ set: true, hint: maskSecret(token) });
    expect(made.alertmanagerConfig).toContain(`      - url: ${url}\n`);
    expect(made.alertmanagerConfig).toContain(`            credentials: ${token}\n`);
    expect(secrets.entries.get('webhook:prod')).toBe(token);

    const later = await value('source:webhook', { sourceId: 'prod' });
    expect(later.token).toBeUndefined();
    expect(later.credential).toEqual(made.credential);
    expect(later.alertmanagerConfig).not.toContain(token);
    // Tokens never enter settings.json or the log.
    expect(fs.readFileSync(kit.settingsFile(), 'utf8')).not.toContain(token);
    expect(kit.logs.join('\n')).not.toContain(token);
  });

  it('publishes a pushed alert and notifies at once; a replaced token stops working', async () => {
    const { url } = await startPushing();
    expect((await push(url, 'nothing-made-yet')).status).toBe(401);
    const { token } = await value('source:webhook', { sourceId: 'prod', newToken: true });

    const answer = await push(url, token);
    expect([answer.status, await answer.text()]).toEqual([200, 'accepted 1 alert\n']);
    const changed = kit.ofChannel('alerts:changed').at(-1)?.payload;
    expect(changed?.added).toEqual(['prod:458067777dec4203']);
    await vi.waitFor(() => expect(kit.titles()).toEqual(['SEV1 · DiskAlmostFull']), WAIT);

    await value('source:webhook', { sourceId: 'prod', newToken: true });
    const old = await push(url, token);
    expect([old.status, await old.text()]).toEqual([401, 'wrong token for source "prod"\n']);
  });

  it('stops listening when push is turned off, and says why', async () => {
    const { url } = await startPushing();
    const am = await server();
    await value('settings:update', { sources: [{ ...prodSource(am.url), push: false }] });
    await vi.waitFor(async () => {
      const info = await value('source:webhook', { sourceId: 'prod' });
      expect(info.receiver).toEqual({ state: 'off', reason: 'no watched source has push on' });
    }, WAIT);
    // Nothing listens any more: the connection is refused.
    await expect(push(url, 'x')).rejects.toThrow();
  });

  it('refuses an unknown source, and says why a token cannot be kept', async () => {
    kit.secretStore = {
      ...memorySecretStore(),
      set: async () => {
        throw new Error('no keyring answers on this desktop');
      },
    };
    const am = await server();
    startApp({ sources: [{ ...prodSource(am.url), push: true }], webhook: { port: 0 } });
    const unknown = await call('source:webhook', { sourceId: 'nope' });
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No source has the id "nope".' },
    });
    const refused = await call('source:webhook', { sourceId: 'prod', newToken: true });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'The token could not be stored: no keyring answers on this desktop',
      },
    });
    // Nothing was kept: the source still has no token.
    const info = await value('source:webhook', { sourceId: 'prod' });
    expect(info.credential).toEqual({ set: false });
    expect(info.token).toBeUndefined();
  });

  it('says the port is taken when another program holds it, and keeps polling', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    kit.extraCleanup.push(() => squatter.close());
    const { port } = squatter.address() as { port: number };
    kit.secretStore = memorySecretStore();
    const am = await server();
    startApp({ sources: [{ ...prodSource(am.url), push: true }], webhook: { port } });
    await vi.waitFor(async () => {
      const info = await value('source:webhook', { sourceId: 'prod' });
      expect(info.receiver).toEqual({
        state: 'failing',
        reason: `port ${port} on 127.0.0.1 is taken by another program; choose another webhook port in Settings`,
      });
    }, WAIT);
    expect(kit.logs).toContain(
      `error: Webhook receiver: port ${port} on 127.0.0.1 is taken by another program; choose another webhook port in Settings`,
    );
    await vi.waitFor(async () => expect((await kit.statusOf())?.health).toBe('ok'), WAIT);
  });
});
