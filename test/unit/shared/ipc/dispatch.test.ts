import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../src/shared/domain/settings';
import type { InvokeParsedRequest } from '../../../../src/shared/ipc/contract';
import { createDispatcher, type InvokeHandlers } from '../../../../src/shared/ipc/dispatch';
import { IpcFailure, ipcResultSchema, type IpcResult } from '../../../../src/shared/ipc/result';
import { makeAlert } from '../make-alert';

const view = { settings: defaultSettings(), path: '/home/ana/.oncall/settings.json' };

/** Handlers that answer valid responses and record what each was called with. */
function setup(overrides: Partial<InvokeHandlers> = {}) {
  const calls: [string, unknown][] = [];
  const errors: [string, unknown][] = [];
  const record =
    <T>(channel: string, value: T) =>
    async (request: unknown) => {
      calls.push([channel, request]);
      return value;
    };
  const handlers: InvokeHandlers = {
    'app:info': record('app:info', { mode: 'browser', version: '0.1.0', home: '/h' }),
    'alerts:list': record('alerts:list', { alerts: [makeAlert('disk')] }),
    'sources:list': record('sources:list', { sources: [] }),
    'source:refresh': async (request) => {
      calls.push(['source:refresh', request]);
      return { sourceId: request.sourceId };
    },
    'alert:act': record('alert:act', { results: [{ alertId: 'prod:a', ok: true }] }),
    'source:test': record('source:test', { ok: false, error: 'connection refused' }),
    'source:setCredential': record('source:setCredential', { set: true, hint: '••••3f9a' }),
    'source:preview': record('source:preview', { ok: false, error: 'connection refused' }),
    'source:webhook': async () => {
      throw new IpcFailure('unavailable', 'There is no secret store here.');
    },
    'settings:get': record('settings:get', view),
    'settings:update': record('settings:update', view),
    'notifications:test': record('notifications:test', { delivered: true }),
    'alarm:snooze': record('alarm:snooze', { until: '2026-03-01T02:15:00.000Z' }),
    'alarm:doNotDisturb': record('alarm:doNotDisturb', { on: false }),
    'alarm:doNotDisturbState': record('alarm:doNotDisturbState', { on: false }),
    'alarm:ringing': record('alarm:ringing', { ringing: [] }),
    'schedules:onCall': record('schedules:onCall', { at: 0, schedules: [], mineNow: [] }),
    'schedules:setFeedUrl': record('schedules:setFeedUrl', {
      feed: 'f1',
      shownAs: 'https://acme.pagerduty.com/…',
    }),
    'schedules:readFeed': record('schedules:readFeed', {
      shown: 'https://acme.pagerduty.com/…',
      pending: false,
      ok: true,
      shiftCount: 3,
      warnings: [],
    }),
    'alert:escalation': record('alert:escalation', { later: 0, actions: [] }),
    'link:open': record('link:open', { opened: true }),
    'channels:secrets': record('channels:secrets', { channels: [] }),
    'channel:setSecret': record('channel:setSecret', { channelId: 'ops', set: false }),
    'channel:test': record('channel:test', {
      id: 'e1',
      at: '2026-03-01T10:00:00.000Z',
      action: 'test',
      target: 'channel Ops',
      result: 'sent',
      attempts: 1,
    }),
    'outbound:list': record('outbound:list', { entries: [] }),
    'sync:get': record('sync:get', { state: { kind: 'off' }, teamIncidents: [] }),
    'sync:join': async () => {
      throw new IpcFailure('unavailable', 'No sync server is set (Settings, team sync).');
    },
    'sync:setToken': record('sync:setToken', { set: false }),
    'presence:get': record('presence:get', { incidents: {} }),
    'presence:set': record('presence:set', {}),
    'runbooks:list': record('runbooks:list', { runbooks: [], errors: [] }),
    'runbook:get': async () => {
      throw new IpcFailure('not-found', 'No runbook folder is chosen.');
    },
    'runbooks:forAlert': record('runbooks:forAlert', { runbooks: [] }),
    'runbooks:forIncident': record('runbooks:forIncident', { runbooks: [] }),
    'incidents:list': record('incidents:list', { incidents: [], problems: [] }),
    'incidents:dismissProblem': async () => {
      throw new IpcFailure('not-found', 'There is no record problem inc-1:repaired:x.');
    },
    'incident:get': async () => {
      throw new IpcFailure('not-found', 'There is no incident inc-1.');
    },
    'incident:declare': async () => {
      throw new IpcFailure('not-found', 'No current alert has the id "prod:x".');
    },
    'incident:attachAlerts': async () => {
      throw new IpcFailure('not-found', 'No current alert has the id "prod:gone".');
    },
    'incident:apply': async () => {
      throw new IpcFailure('bad-request', 'The incident cannot be closed yet.');
    },
    'incident:load': async () => {
      throw new IpcFailure('not-found', 'There is no incident inc-1.');
    },
    'incident:change': async () => {
      throw new IpcFailure('bad-request', 'The incident cannot be closed yet.');
    },
    ...overrides,
  };
  const dispatch = createDispatcher(handlers, (channel, error) => errors.push([channel, error]));
  return { dispatch, calls, errors, handlers };
}

function failure(result: IpcResult<unknown>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('createDispatcher', () => {
  it('runs the handler and answers its value', async () => {
    const { dispatch, calls } = setup();
    expect(await dispatch('source:refresh', { sourceId: 'prod' })).toEqual({
      ok: true,
      value: { sourceId: 'prod' },
    });
    expect(calls).toEqual([['source:refresh', { sourceId: 'prod' }]]);
  });

  it('treats a missing argument of a call that takes none as `{}`', async () => {
    const { dispatch } = setup();
    expect((await dispatch('alerts:list', undefined)).ok).toBe(true);
    expect((await dispatch('app:info', null)).ok).toBe(true);
  });

  it('hands the handler the validated request, defaults and normalisation applied', async () => {
    let seen: InvokeParsedRequest<'settings:update'> | undefined;
    const { dispatch } = setup({
      'settings:update': async (request) => {
        seen = request;
        return view;
      },
    });
    const result = await dispatch('settings:update', {
      sources: [{ kind: 'alertmanager', id: 'prod', name: 'Prod', url: 'http://am:9093/' }],
    });
    expect(result.ok).toBe(true);
    expect(seen?.sources?.[0]).toEqual({
      kind: 'alertmanager',
      id: 'prod',
      name: 'Prod',
      url: 'http://am:9093',
      intervalSeconds: 15,
      timeoutSeconds: 10,
      enabled: true,
      severityWords: {},
      peerUrls: [],
      ackMinutes: 60,
      push: false,
      auth: 'none',
    });
  });

  describe('unknown channels', () => {
    it.each(['alerts:delete', 'alerts:changed', '__proto__', 'constructor', 'toString', ''])(
      'answers unknown-channel for %j without running anything',
      async (channel) => {
        const { dispatch, calls, errors } = setup();
        const error = failure(await dispatch(channel, {}));
        expect(error.code).toBe('unknown-channel');
        expect(error.message).toContain(`"${channel}"`);
        expect(calls).toEqual([]);
        expect(errors).toEqual([]);
      },
    );

    it('keeps the message short when the channel name is huge', async () => {
      const { dispatch } = setup();
      const error = failure(await dispatch('x'.repeat(100_000), {}));
      expect(error.code).toBe('unknown-channel');
      expect(error.message.length).toBeLessThan(200);
    });

    const throwingToString = {
      toString() {
        throw new Error('boom');
      },
    };
    it.each([
      ['undefined', undefined],
      ['null', null],
      ['a number', 42],
      ['an array', ['alerts:list']],
      ['an object without a prototype', Object.create(null) as unknown],
      ['an object whose toString throws', throwingToString],
      ['a symbol', Symbol('alerts:list')],
    ])('answers unknown-channel for %s, never throwing', async (_what, channel) => {
      const { dispatch, calls } = setup();
      const result = await dispatch(channel, {});
      expect(failure(result).code).toBe('unknown-channel');
      expect(calls).toEqual([]);
    });
  });

  describe('requests of the wrong shape', () => {
    it('answers bad-request naming the field, and does not run the handler', async () => {
      const { dispatch, calls } = setup();
      const error = failure(await dispatch('source:refresh', { sourceId: 42 }));
      expect(error.code).toBe('bad-request');
      expect(error.issues).toHaveLength(1);
      expect(error.issues?.[0]).toMatch(/^sourceId: /);
      expect(error.message).toContain('source:refresh');
      expect(error.message).toContain('sourceId');
      expect(calls).toEqual([]);
    });

    it('names a missing field', async () => {
      const { dispatch } = setup();
      const error = failure(await dispatch('source:refresh', {}));
      expect(error.code).toBe('bad-request');
      expect(error.issues?.[0]).toMatch(/^sourceId: /);
    });

    it('names the nested field at fault', async () => {
      const { dispatch } = setup();
      const error = failure(
        await dispatch('settings:update', {
          sources: [{ kind: 'alertmanager', id: 'prod', name: 'Prod', url: 'javascript:x' }],
        }),
      );
      expect(error.issues).toEqual(['sources.0.url: must be an http:// or https:// URL']);
    });

    it('refuses extra keys, naming them', async () => {
      const { dispatch, calls } = setup();
      const error = failure(await dispatch('alerts:list', { all: true }));
      expect(error.code).toBe('bad-request');
      expect(error.issues?.join('\n')).toContain('all');
      const nested = failure(await dispatch('link:open', { url: 'https://x.example', target: 1 }));
      expect(nested.code).toBe('bad-request');
      expect(nested.issues?.join('\n')).toContain('target');
      expect(calls).toEqual([]);
    });

    it.each([
      ['a string', 'prod'],
      ['a number', 7],
      ['an array', [{ sourceId: 'prod' }]],
    ])('refuses %s instead of an object', async (_what, request) => {
      const { dispatch } = setup();
      expect(failure(await dispatch('source:refresh', request)).code).toBe('bad-request');
    });
  });

  describe('failing handlers', () => {
    it('answers the code, message and issues of an IpcFailure, without logging it', async () => {
      const { dispatch, errors } = setup({
        'source:refresh': async () => {
          throw new IpcFailure('not-found', 'There is no source "nope".', ['sourceId: unknown']);
        },
      });
      expect(failure(await dispatch('source:refresh', { sourceId: 'nope' }))).toEqual({
        code: 'not-found',
        message: 'There is no source "nope".',
        issues: ['sourceId: unknown'],
      });
      expect(errors).toEqual([]);
    });

    it('answers internal for any other error and tells onError', async () => {
      const boom = new Error('disk full');
      const { dispatch, errors } = setup({
        'settings:update': async () => {
          throw boom;
        },
      });
      const error = failure(await dispatch('settings:update', { theme: 'dark' }));
      expect(error.code).toBe('internal');
      expect(error.message).toContain('settings:update');
      expect(error.message).toContain('disk full');
      expect(errors).toEqual([['settings:update', boom]]);
    });

    it('answers internal when a handler throws something that is not an Error', async () => {
      const { dispatch, errors } = setup({
        'app:info': async () => {
          throw 'plain string';
        },
      });
      const error = failure(await dispatch('app:info', {}));
      expect(error.code).toBe('internal');
      expect(error.message).toContain('plain string');
      expect(errors).toEqual([['app:info', 'plain string']]);
    });

    it('answers internal when a handler throws before returning a promise', async () => {
      const { dispatch, errors } = setup({
        'alerts:list': (() => {
          throw new TypeError('not ready');
        }) as InvokeHandlers['alerts:list'],
      });
      expect(failure(await dispatch('alerts:list', {})).code).toBe('internal');
      expect(errors).toHaveLength(1);
    });

    it('answers internal without an onError sink too', async () => {
      const dispatch = createDispatcher({
        ...setup().handlers,
        'link:open': async () => {
          throw new Error('no browser');
        },
      });
      expect(failure(await dispatch('link:open', { url: 'https://x.example' })).code).toBe(
        'internal',
      );
    });
  });

  it('always answers a well-formed IpcResult', async () => {
    const { dispatch } = setup({
      'app:info': async () => {
        throw new Error('x');
      },
    });
    const answers = await Promise.all([
      dispatch('alerts:list', {}),
      dispatch('nope', {}),
      dispatch('source:refresh', {}),
      dispatch('app:info', {}),
    ]);
    for (const answer of answers) expect(ipcResultSchema.safeParse(answer).success).toBe(true);
  });
});
