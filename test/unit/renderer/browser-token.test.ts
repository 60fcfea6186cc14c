import { describe, expect, it } from 'vitest';
import {
  TOKEN_STORAGE_KEY,
  takeBrowserToken,
  webSocketUrl,
} from '../../../src/renderer/bridge/browser-token';
import {
  MAX_RECONNECT_DELAY_MS,
  reconnectDelayMs,
} from '../../../src/renderer/bridge/reconnect-delay';

const TOKEN = 'ab'.repeat(32);

function environment(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  return {
    env: {
      location: { href },
      history: {
        state: { keep: true },
        replaceState: (_d: unknown, _u: string, url?: string) => replaced.push(url ?? ''),
      },
      storage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
      },
    },
    storage,
    replaced,
  };
}

describe('takeBrowserToken', () => {
  it('takes ?token= once: keeps it in sessionStorage and removes it from the address bar', () => {
    const t = environment(`http://127.0.0.1:4000/?token=${TOKEN}&x=1#top`);
    expect(takeBrowserToken(t.env)).toBe(TOKEN);
    expect(t.storage.get(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    expect(t.replaced).toEqual(['/?x=1#top']);
  });

  it('after a reload (no ?token=) uses the kept one and leaves the address alone', () => {
    const t = environment('http://127.0.0.1:4000/', { [TOKEN_STORAGE_KEY]: TOKEN });
    expect(takeBrowserToken(t.env)).toBe(TOKEN);
    expect(t.replaced).toEqual([]);
  });

  it('a new ?token= (the app restarted) replaces the kept one', () => {
    const fresh = 'cd'.repeat(32);
    const t = environment(`http://127.0.0.1:4000/?token=${fresh}`, { [TOKEN_STORAGE_KEY]: TOKEN });
    expect(takeBrowserToken(t.env)).toBe(fresh);
    expect(t.storage.get(TOKEN_STORAGE_KEY)).toBe(fresh);
  });

  it('strips but ignores a token that is not hex (it cannot be a subprotocol safely)', () => {
    const t = environment('http://127.0.0.1:4000/?token=%3Cscript%3E');
    expect(takeBrowserToken(t.env)).toBeUndefined();
    expect(t.replaced).toEqual(['/']);
    expect(t.storage.size).toBe(0);
  });

  it('works without storage (blocked), and says undefined with no token at all', () => {
    const t = environment(`http://127.0.0.1:4000/?token=${TOKEN}`);
    expect(takeBrowserToken({ ...t.env, storage: undefined })).toBe(TOKEN);
    expect(takeBrowserToken(environment('http://127.0.0.1:4000/').env)).toBeUndefined();
  });
});

describe('webSocketUrl', () => {
  it('is /ws on the page host, ws or wss, and never carries the token', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe(
      'ws://127.0.0.1:4000/ws',
    );
    expect(webSocketUrl({ protocol: 'https:', host: 'localhost:4000' })).toBe(
      'wss://localhost:4000/ws',
    );
  });
});

describe('reconnectDelayMs', () => {
  it('grows from a quick first retry to a 10 s cap, with jitter in the upper half', () => {
    expect(reconnectDelayMs(1, 0)).toBe(250);
    expect(reconnectDelayMs(1, 0.999)).toBeLessThanOrEqual(500);
    expect(reconnectDelayMs(3, 0)).toBe(1000);
    expect(reconnectDelayMs(20, 0)).toBe(MAX_RECONNECT_DELAY_MS / 2);
    expect(reconnectDelayMs(20, 0.999)).toBeLessThanOrEqual(MAX_RECONNECT_DELAY_MS);
  });
});
