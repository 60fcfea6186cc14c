import { describe, expect, it } from 'vitest';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  eventContract,
  invokeContract,
  isEventChannel,
  isInvokeChannel,
} from '../../../../src/shared/ipc/contract';
import { defaultSettings } from '../../../../src/shared/domain/settings';
import { makeAlert } from '../make-alert';

/** A valid request for each channel, so each schema can be probed with one change. */
const validRequests: Record<string, Record<string, unknown>> = {
  'app:info': {},
  'alerts:list': {},
  'sources:list': {},
  'source:refresh': { sourceId: 'prod' },
  'settings:get': {},
  'settings:update': { theme: 'dark' },
  'notifications:test': {},
  'link:open': { url: 'https://example.com' },
};

describe('invoke channels', () => {
  it('lists every declared call, named noun:verb', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual(Object.keys(validRequests).sort());
    for (const channel of INVOKE_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+$/);
  });

  it.each(INVOKE_CHANNELS)('%s accepts its valid request', (channel) => {
    expect(invokeContract[channel].request.safeParse(validRequests[channel]).success).toBe(true);
  });

  it.each(INVOKE_CHANNELS)('%s refuses a request with an extra key (strict)', (channel) => {
    const result = invokeContract[channel].request.safeParse({
      ...validRequests[channel],
      sneaky: true,
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('sneaky');
  });

  it.each(INVOKE_CHANNELS)('%s refuses something that is not an object', (channel) => {
    for (const bad of [null, 'x', 42, []]) {
      expect(invokeContract[channel].request.safeParse(bad).success).toBe(false);
    }
  });

  it('needs a non-empty source id to refresh a source', () => {
    const request = invokeContract['source:refresh'].request;
    expect(request.safeParse({}).success).toBe(false);
    expect(request.safeParse({ sourceId: '' }).success).toBe(false);
    expect(request.safeParse({ sourceId: 7 }).success).toBe(false);
  });

  it('takes a link of at most 4096 characters to open', () => {
    const request = invokeContract['link:open'].request;
    expect(request.safeParse({ url: `https://e.x/${'a'.repeat(4000)}` }).success).toBe(true);
    expect(request.safeParse({ url: `https://e.x/${'a'.repeat(4096)}` }).success).toBe(false);
    expect(request.safeParse({}).success).toBe(false);
  });

  describe('settings:update', () => {
    const request = invokeContract['settings:update'].request;

    it('accepts an empty update and each field alone', () => {
      for (const update of [
        {},
        { severityScale: 'p1-p4' },
        { severityWords: { disaster: 'sev1' } },
        { notifications: { enabled: false, minSeverity: 'sev2' } },
        { sources: [{ kind: 'alertmanager', id: 'prod', name: 'Prod', url: 'http://am/' }] },
      ]) {
        expect(request.safeParse(update).success).toBe(true);
      }
    });

    it('validates sources like the settings file, defaults and URL trimming included', () => {
      const parsed = request.parse({
        sources: [{ kind: 'alertmanager', id: 'prod', name: 'Prod', url: 'http://am:9093/' }],
      });
      expect(parsed.sources?.[0]).toMatchObject({ url: 'http://am:9093', intervalSeconds: 15 });
      expect(
        request.safeParse({
          sources: [{ kind: 'alertmanager', id: 'prod', name: 'Prod', url: 'file:///etc' }],
        }).success,
      ).toBe(false);
    });

    it('refuses a partial or padded notifications block and unknown values', () => {
      expect(request.safeParse({ notifications: { enabled: false } }).success).toBe(false);
      expect(
        request.safeParse({ notifications: { enabled: true, minSeverity: 'sev1', sound: 1 } })
          .success,
      ).toBe(false);
      expect(request.safeParse({ theme: 'blue' }).success).toBe(false);
      expect(request.safeParse({ severityWords: { disaster: 'P1' } }).success).toBe(false);
      expect(request.safeParse({ version: 1 }).success).toBe(false);
    });
  });

  it('declares responses that accept what the app answers', () => {
    const settings = defaultSettings();
    expect(
      invokeContract['settings:get'].response.safeParse({ settings, path: '/h/settings.json' })
        .success,
    ).toBe(true);
    expect(
      invokeContract['alerts:list'].response.safeParse({ alerts: [makeAlert('disk')] }).success,
    ).toBe(true);
    expect(
      invokeContract['app:info'].response.safeParse({ mode: 'tray', version: '1', home: '/' })
        .success,
    ).toBe(false);
  });
});

describe('event channels', () => {
  it('lists every declared event', () => {
    expect([...EVENT_CHANNELS].sort()).toEqual(
      ['alerts:changed', 'settings:changed', 'source:status'].sort(),
    );
  });

  it('describes alerts:changed as the full list plus added and resolved ids', () => {
    const schema = eventContract['alerts:changed'];
    const disk = makeAlert('disk');
    expect(schema.safeParse({ alerts: [disk], added: [disk.id], resolved: [] }).success).toBe(true);
    expect(schema.safeParse({ alerts: [disk] }).success).toBe(false);
  });

  it('describes settings:changed with the problem the app worked around', () => {
    const view = {
      settings: defaultSettings(),
      path: '/home/ana/.oncall/settings.json',
      problem: {
        file: '/home/ana/.oncall/settings.json',
        keptAs: '/home/ana/.oncall/settings.bad-1.json',
        issues: ['theme: Invalid option'],
        at: '2025-03-04T05:00:00.000Z',
      },
    };
    expect(eventContract['settings:changed'].safeParse(view).success).toBe(true);
    expect(
      eventContract['settings:changed'].safeParse({
        ...view,
        problem: { ...view.problem, issues: 'theme' },
      }).success,
    ).toBe(false);
  });
});

describe('isInvokeChannel / isEventChannel', () => {
  it('recognise declared names only', () => {
    expect(isInvokeChannel('alerts:list')).toBe(true);
    expect(isInvokeChannel('alerts:changed')).toBe(false);
    expect(isEventChannel('alerts:changed')).toBe(true);
    expect(isEventChannel('alerts:list')).toBe(false);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'ALERTS:LIST', ''])(
    'do not take the object member or near miss %j for a channel',
    (name) => {
      expect(isInvokeChannel(name)).toBe(false);
      expect(isEventChannel(name)).toBe(false);
    },
  );

  it.each([undefined, null, 42, {}, ['alerts:list'], Symbol('alerts:list')])(
    'refuse the non-string %s',
    (name) => {
      expect(isInvokeChannel(name)).toBe(false);
      expect(isEventChannel(name)).toBe(false);
    },
  );
});
