import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import {
  plainFileEncryptor,
  type Encryptor,
} from '../../../../../src/main/services/secrets/encryptor';
import { openSecretStore } from '../../../../../src/main/services/secrets/open-secret-store';
import type { SecretStore } from '../../../../../src/main/services/secrets/secret-store';

const TOKEN = 'og-key-7d1c2b9e-4f7a-4c55-9d0e-3f9a';
const clock: Clock = { now: () => new Date('2026-03-01T02:00:00.000Z') };
const posix = process.platform !== 'win32';

describe('the file secret store', () => {
  let home: string;
  let logs: string[];
  const dir = () => path.join(home, 'secrets');
  const file = () => path.join(dir(), 'secrets.json');
  const open = (encryptor: (file: string) => Encryptor = plainFileEncryptor): SecretStore =>
    openSecretStore({
      home,
      clock,
      log: (level, message) => logs.push(`${level}: ${message}`),
      encryptor,
    });
  const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-secrets-'));
    logs = [];
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('keeps a token across restarts, in a file only its owner can open, never in settings.json', async () => {
    fs.writeFileSync(path.join(home, 'settings.json'), '{}');
    await open().set('source:og', TOKEN);

    expect(await open().get('source:og')).toBe(TOKEN);
    expect(await open().keys()).toEqual(['source:og']);
    expect(fs.readFileSync(path.join(home, 'settings.json'), 'utf8')).not.toContain(TOKEN);
    if (posix) {
      expect(modeOf(dir())).toBe(0o700);
      expect(modeOf(file())).toBe(0o600);
    }
    // No temp file is left beside it.
    expect(fs.readdirSync(dir())).toEqual(['secrets.json']);
  });

  it.runIf(posix)('makes the directory 0700 and the file 0600 whatever the umask', async () => {
    const before = process.umask(0o000);
    try {
      await open().set('source:og', TOKEN);
    } finally {
      process.umask(before);
    }
    expect(modeOf(dir())).toBe(0o700);
    expect(modeOf(file())).toBe(0o600);
  });

  it('forgets a token, and forgetting one that is not there is no error', async () => {
    const store = open();
    await store.set('source:a', TOKEN);
    await store.set('source:b', 'another-token-0000');
    await store.delete('source:a');
    await store.delete('source:nothing');

    const reopened = open();
    expect(await reopened.get('source:a')).toBeUndefined();
    expect(await reopened.get('source:b')).toBe('another-token-0000');
    expect(fs.readFileSync(file(), 'utf8')).not.toContain(TOKEN);
  });

  it('keeps every one of several tokens set at once', async () => {
    const store = open();
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) => store.set(`source:${id}`, `token-of-${id}`)),
    );
    expect((await open().keys()).sort()).toEqual(['source:a', 'source:b', 'source:c', 'source:d']);
  });

  it.runIf(posix)('narrows a file other users could read to 0600 and says so', async () => {
    await open().set('source:og', TOKEN);
    fs.chmodSync(file(), 0o644);
    fs.chmodSync(dir(), 0o755);

    const store = open();
    expect(await store.get('source:og')).toBe(TOKEN);

    expect(modeOf(file())).toBe(0o600);
    expect(modeOf(dir())).toBe(0o700);
    expect(logs).toEqual([
      expect.stringMatching(
        /^warn: .*secrets\.json could be read by other users \(mode 0644\); it is now 0600/,
      ),
    ]);
    expect(store.status()).toMatchObject({
      usable: true,
      warning: expect.stringContaining('0644'),
    });
  });

  it('keeps an unreadable file aside, untouched, starts empty and says where it went', async () => {
    fs.mkdirSync(dir(), { recursive: true, mode: 0o700 });
    const damaged = `{"version":1,"encoding":"plain","secrets":{"source:og":"${Buffer.from(TOKEN).toString('base64')}"`;
    fs.writeFileSync(file(), damaged, { mode: 0o600 });

    const store = open();
    expect(await store.keys()).toEqual([]);

    const aside = path.join(dir(), 'secrets.json.unreadable-2026-03-01T02-00-00.000Z');
    expect(fs.readFileSync(aside, 'utf8')).toBe(damaged);
    expect(store.status().warning).toBe(
      `${file()} could not be read (it is not valid JSON); it was kept as ${aside} and no tokens are stored now: enter them again in Settings.`,
    );
    expect(logs.join('\n')).toContain(aside);
    // The message never quotes the file's content.
    expect(logs.join('\n')).not.toContain(Buffer.from(TOKEN).toString('base64'));

    await store.set('source:og', TOKEN);
    expect(await open().get('source:og')).toBe(TOKEN);
    expect(fs.readFileSync(aside, 'utf8')).toBe(damaged);
  });

  it('keeps aside a file whose fields are wrong, naming the field, never the value', async () => {
    fs.mkdirSync(dir(), { recursive: true, mode: 0o700 });
    fs.writeFileSync(
      file(),
      JSON.stringify({ version: 1, encoding: 'plain', secrets: { 'source:og': TOKEN } }),
      { mode: 0o600 },
    );

    const store = open();
    expect(await store.get('source:og')).toBeUndefined();
    expect(store.status().warning).toContain(
      '(it is not a secrets file of this app (check secrets.source:og))',
    );
    expect(store.status().warning).not.toContain(TOKEN);
  });

  it('refuses a file sealed another way, leaving it as it is', async () => {
    fs.mkdirSync(dir(), { recursive: true, mode: 0o700 });
    const content = JSON.stringify({ version: 1, encoding: 'plain', secrets: {} });
    fs.writeFileSync(path.join(dir(), 'secrets.sealed.json'), content, { mode: 0o600 });
    const sealed = (): Encryptor => ({ ...plainFileEncryptor('x'), encoding: 'sealed' });

    const store = open(sealed);
    await expect(store.set('source:og', TOKEN)).rejects.toThrow(
      /secrets\.sealed\.json was sealed as "plain", not "sealed"; this app cannot open it/,
    );
    expect(store.status()).toMatchObject({ usable: false });
    expect(fs.readFileSync(path.join(dir(), 'secrets.sealed.json'), 'utf8')).toBe(content);
  });

  it('refuses to store when the encryptor says it cannot keep secrets safely, and why', async () => {
    const unsafe = (f: string): Encryptor => ({
      ...plainFileEncryptor(f),
      status: () => ({ usable: false, backend: 'test', warning: 'no keyring here' }),
    });
    const store = open(unsafe);
    await expect(store.set('source:og', TOKEN)).rejects.toThrow('no keyring here');
    expect(fs.existsSync(file())).toBe(false);
  });

  it('says which credential cannot be opened, without showing it', async () => {
    await open().set('source:og', TOKEN);
    const broken = (f: string): Encryptor => ({
      ...plainFileEncryptor(f),
      decrypt: async () => {
        throw new Error('the key changed');
      },
    });
    await expect(open(broken).get('source:og')).rejects.toThrow(
      'the stored credential (source:og) cannot be opened (the key changed); enter it again in Settings',
    );
  });
});
