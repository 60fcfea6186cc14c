import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentialHandlers } from '../../../../../../src/main/services/app/handlers/credential-handlers';
import { plainFileEncryptor } from '../../../../../../src/main/services/secrets/encryptor';
import { openSecretStore } from '../../../../../../src/main/services/secrets/open-secret-store';
import {
  BASIC_TEXT_WARNING,
  safeStorageEncryptor,
} from '../../../../../../src/main/services/secrets/safe-storage-encryptor';
import { settingsSchema } from '../../../../../../src/shared/domain/settings';
import { IpcFailure } from '../../../../../../src/shared/ipc/result';
import { APP_SERVICES_SUITE, WAIT, prodSource, useAppServicesKit } from '../app-services-kit';

const TOKEN = 'am-bearer-5b0f7c1e9a2d3f9a';

describe('source credentials', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { server, startApp, call, value, statusOf } = kit;
  const stored = () =>
    openSecretStore({
      home: kit.home,
      clock: kit.clock,
      log: () => {},
      encryptor: plainFileEncryptor,
    });

  it('stores a token in the secret store, answers and shows it masked, never in settings.json', async () => {
    const am = await server();
    startApp({ sources: [{ ...prodSource(am.url), auth: 'bearer' }] });
    await vi.waitFor(
      async () => expect((await statusOf())?.credential).toEqual({ set: false }),
      WAIT,
    );

    expect(
      await value('source:setCredential', { sourceId: 'prod', credential: ` ${TOKEN}\n` }),
    ).toEqual({
      set: true,
      hint: '••••3f9a',
    });

    expect(await stored().get('source:prod')).toBe(TOKEN);
    expect((await statusOf())?.credential).toEqual({ set: true, hint: '••••3f9a' });
    expect(fs.readFileSync(kit.settingsFile(), 'utf8')).not.toContain(TOKEN);

    expect(await value('source:setCredential', { sourceId: 'prod', credential: null })).toEqual({
      set: false,
    });
    expect(await stored().get('source:prod')).toBeUndefined();
    expect((await statusOf())?.credential).toEqual({ set: false });
  });

  it('shows no credential field for a source that takes none, and refuses a token for it', async () => {
    const am = await server();
    startApp({ sources: [prodSource(am.url)] });

    expect(await call('source:setCredential', { sourceId: 'prod', credential: TOKEN })).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message: 'Production takes no token with its current settings; nothing was stored.',
      },
    });
    expect(await stored().keys()).toEqual([]);
    expect((await statusOf())?.credential).toBeUndefined();
  });

  it('refuses a token for a source that is not saved, so none is stored for nobody', async () => {
    startApp({});
    expect(await call('source:setCredential', { sourceId: 'later', credential: TOKEN })).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'No saved source has the id "later". Save the source first, then its token.',
      },
    });
    expect(fs.existsSync(path.join(kit.home, 'secrets', 'secrets.json'))).toBe(false);
  });

  it('deletes the tokens of a source removed from the settings, and keeps the others', async () => {
    const am = await server();
    const other = { ...prodSource(am.url), id: 'other', name: 'Other', auth: 'bearer' as const };
    startApp({
      sources: [{ ...prodSource(am.url), auth: 'bearer', push: true }, other],
      webhook: { port: 0 },
    });
    await value('source:setCredential', { sourceId: 'prod', credential: TOKEN });
    await value('source:setCredential', { sourceId: 'other', credential: 'other-token-1234' });
    await value('source:webhook', { sourceId: 'prod', newToken: true });
    expect((await stored().keys()).sort()).toEqual(['source:other', 'source:prod', 'webhook:prod']);

    await value('settings:update', { sources: [other] });

    await vi.waitFor(async () => expect(await stored().keys()).toEqual(['source:other']), WAIT);
  });

  it('forgets tokens of sources removed while the app was closed, unless the settings are unreadable', async () => {
    await stored().set('source:gone', TOKEN);
    await stored().set('source:prod', 'prod-token-1234');
    const am = await server();

    // At start the file cannot be used: the app runs on the defaults (no sources) meanwhile.
    fs.writeFileSync(kit.settingsFile(), '{ "sources": [');
    startApp(null);
    await vi.waitFor(
      async () => expect((await value('settings:get', {})).problem).toBeDefined(),
      WAIT,
    );
    expect((await stored().keys()).sort()).toEqual(['source:gone', 'source:prod']);

    // Once the settings are usable again, only the token of a source they list stays.
    await value('settings:update', { sources: [{ ...prodSource(am.url), auth: 'bearer' }] });
    await vi.waitFor(async () => expect(await stored().keys()).toEqual(['source:prod']), WAIT);
  });

  it('never lets a token reach settings.json, the log, an event or an answer, even when a server echoes it', async () => {
    const secret = 'og-leak-check-4b1d2c3e5f6a7b8c9d0e';
    // A hostile or careless peer: it quotes the Authorization header back in every answer.
    const echo = await server((req) => ({
      status: req.url?.startsWith('/v2/alerts/requests') ? 200 : 401,
      body: JSON.stringify({ message: `Key "${req.headers.authorization ?? ''}" is not valid` }),
    }));
    startApp({
      sources: [
        { kind: 'opsgenie', id: 'og', name: 'Opsgenie', apiUrl: echo.url, intervalSeconds: 2 },
      ],
    });
    const answers: unknown[] = [];
    const ask = async <A>(answer: Promise<A>) => {
      const value = await answer;
      answers.push(value);
      return value;
    };

    expect(await ask(call('source:setCredential', { sourceId: 'og', credential: secret }))).toEqual(
      {
        ok: true,
        value: { set: true, hint: '••••9d0e' },
      },
    );
    await kit.refreshUntil(async () => {
      const status = await ask(statusOf('og'));
      expect(status?.reason).toContain('HTTP 401');
    }, 'og');
    expect((await statusOf('og'))?.reason).toContain('Key "GenieKey [token]" is not valid');
    await ask(call('sources:list', {}));
    await ask(
      call('source:test', {
        source: { kind: 'opsgenie', id: 'try', name: 'Try', apiUrl: echo.url },
        credential: secret,
      }),
    );
    // Refused requests must not quote what they refused either.
    await ask(call('source:setCredential', { sourceId: 'og', credential: secret.repeat(200) }));
    await ask(call('source:setCredential', { sourceId: 'nope', credential: secret }));
    await ask(call('settings:get', {}));

    // The token did go out (so the checks below could have found it), and is stored.
    expect(echo.requests.length).toBeGreaterThan(0);
    expect(await stored().get('source:og')).toBe(secret);
    expect(fs.readFileSync(kit.settingsFile(), 'utf8')).not.toContain(secret);
    expect(kit.logs.join('\n')).not.toContain(secret);
    expect(JSON.stringify(kit.events)).not.toContain(secret);
    expect(JSON.stringify(answers)).not.toContain(secret);
    expect(JSON.stringify(answers)).toContain('[token]');
  });
});

describe('source:setCredential where tokens cannot be kept safely', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-credential-refusal-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it("refuses with the store's warning (Linux without a keyring), stores nothing, polls nothing", async () => {
    const secrets = openSecretStore({
      home,
      clock: { now: () => new Date('2026-03-01T00:00:00Z') },
      log: () => {},
      encryptor: () =>
        safeStorageEncryptor({
          safeStorage: {
            isAsyncEncryptionAvailable: async () => true,
            encryptStringAsync: async (plain) => Buffer.from(plain),
            decryptStringAsync: async (blob) => ({ result: blob.toString() }),
            getSelectedStorageBackend: () => 'basic_text',
          },
          platform: 'linux',
          acceptBasicText: () => false,
        }),
    });
    const credentialChanged = vi.fn(async () => true);
    const settings = settingsSchema.parse({
      sources: [{ kind: 'opsgenie', id: 'og', name: 'Opsgenie' }],
    });
    const handlers = credentialHandlers({
      secrets,
      sources: { credentialChanged },
      settings: () => settings,
    });

    const refusal = handlers['source:setCredential']({ sourceId: 'og', credential: 'a-key-1234' });

    await expect(refusal).rejects.toThrow(IpcFailure);
    await expect(refusal).rejects.toMatchObject({
      code: 'unavailable',
      message: `The token of Opsgenie was not stored: ${BASIC_TEXT_WARNING}`,
    });
    expect(await secrets.keys()).toEqual([]);
    expect(credentialChanged).not.toHaveBeenCalled();
  });
});
