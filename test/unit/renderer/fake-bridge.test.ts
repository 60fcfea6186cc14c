import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../src/renderer/bridge/bridge-error';
import { fakeBridge } from './fake-bridge';

describe('the renderer tests’ fake bridge', () => {
  it('refuses a request main would refuse, with the same code and the issues', async () => {
    const fake = fakeBridge({ 'incident:get': () => Promise.reject(new Error('not reached')) });
    fake.expectRefusal();
    const call = fake.bridge.invoke('incident:get', { id: 'not an id', extra: 1 } as never);
    await expect(call).rejects.toBeInstanceOf(BridgeError);
    await expect(call).rejects.toMatchObject({ code: 'bad-request' });
    expect(fake.refused).toHaveLength(1);
    expect(fake.refused[0]).toMatch(/^incident:get: /);
  });

  // The code under test often catches a failed call and shows it; the refusal must still fail
  // the test, so a renderer that sends what main refuses cannot pass.
  it.fails('fails the test when a refused request was swallowed', async () => {
    const fake = fakeBridge({ 'alerts:list': () => ({ alerts: [] }) });
    await fake.bridge.invoke('alerts:list', { unexpected: true } as never).catch(() => {});
  });

  it('answers a valid request', async () => {
    const fake = fakeBridge({ 'alerts:list': () => ({ alerts: [] }) });
    expect(await fake.bridge.invoke('alerts:list', {})).toEqual({ alerts: [] });
    expect(fake.refused).toEqual([]);
  });
});
