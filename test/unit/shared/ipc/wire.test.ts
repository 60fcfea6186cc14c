import { describe, expect, it } from 'vitest';
import { clientMessageSchema, serverMessageSchema } from '../../../../src/shared/ipc/wire';
import { IpcFailure, ipcResultSchema } from '../../../../src/shared/ipc/result';

describe('clientMessageSchema', () => {
  it('accepts an invoke message, and a JSON round trip of one', () => {
    const message = { type: 'invoke', id: 0, channel: 'alerts:list', payload: {} };
    expect(clientMessageSchema.safeParse(message).success).toBe(true);
    expect(clientMessageSchema.safeParse(JSON.parse(JSON.stringify(message))).success).toBe(true);
    expect(
      clientMessageSchema.safeParse({ ...message, id: 41, payload: { sourceId: 'prod' } }).success,
    ).toBe(true);
  });

  it('accepts a call without arguments, whose payload JSON dropped', () => {
    const sent = JSON.parse(
      JSON.stringify({ type: 'invoke', id: 2, channel: 'alerts:list', payload: undefined }),
    );
    expect(clientMessageSchema.safeParse(sent).success).toBe(true);
  });

  it.each([
    ['another type', { type: 'event' }],
    ['no type', { type: undefined }],
    ['a negative id', { id: -1 }],
    ['a fractional id', { id: 1.5 }],
    ['an id as text', { id: '1' }],
    ['a channel that is not text', { channel: 7 }],
    ['a channel over 100 characters', { channel: 'a'.repeat(101) }],
  ])('refuses a message with %s', (_what, change) => {
    const message = { type: 'invoke', id: 1, channel: 'alerts:list', payload: {}, ...change };
    expect(clientMessageSchema.safeParse(message).success).toBe(false);
  });

  it.each([null, 'invoke', [], 42])('refuses %j', (message) => {
    expect(clientMessageSchema.safeParse(message).success).toBe(false);
  });
});

describe('serverMessageSchema', () => {
  it.each([
    ['a result', { type: 'result', id: 3, result: { ok: true, value: { alerts: [] } } }],
    [
      'a failed result',
      {
        type: 'result',
        id: 3,
        result: { ok: false, error: { code: 'bad-request', message: 'x', issues: ['a: b'] } },
      },
    ],
    ['an event', { type: 'event', channel: 'alerts:changed', payload: { alerts: [] } }],
    ['a refusal', { type: 'refused', reason: 'not JSON' }],
  ])('accepts %s', (_what, message) => {
    expect(serverMessageSchema.safeParse(message).success).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'hello' }],
    ['a result without an id', { type: 'result', result: { ok: true, value: 1 } }],
    ['a result whose ok is not a boolean', { type: 'result', id: 1, result: { ok: 'yes' } }],
    [
      'a failure with an unknown code',
      { type: 'result', id: 1, result: { ok: false, error: { code: 'oops', message: 'x' } } },
    ],
    [
      'a failure without a message',
      { type: 'result', id: 1, result: { ok: false, error: { code: 'internal' } } },
    ],
    ['an event without a channel', { type: 'event', payload: {} }],
    ['a refusal without a reason', { type: 'refused' }],
  ])('refuses %s', (_what, message) => {
    expect(serverMessageSchema.safeParse(message).success).toBe(false);
  });
});

describe('IpcFailure', () => {
  it('is an Error carrying the code, message and issues a caller receives', () => {
    const failure = new IpcFailure('unauthorized', 'Only the app window may call this.', ['x: y']);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.name).toBe('IpcFailure');
    expect(failure.code).toBe('unauthorized');
    expect(failure.message).toBe('Only the app window may call this.');
    expect(failure.issues).toEqual(['x: y']);
    const answer = { ok: false, error: { code: failure.code, message: failure.message } };
    expect(ipcResultSchema.safeParse(answer).success).toBe(true);
  });
});
