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
  'alert:act': { alertIds: ['prod:abc123'], action: { type: 'acknowledge', minutes: 60 } },
  'source:test': {
    source: { kind: 'alertmanager', id: 'trial', name: 'Trial', url: 'http://am:9093' },
  },
  'source:setCredential': { sourceId: 'prod', credential: 'a-token' },
  'source:preview': {
    source: {
      kind: 'json',
      id: 'trial',
      name: 'Trial',
      url: 'https://status.example/api/alerts',
      fields: { id: 'id', title: 'name' },
    },
  },
  'source:webhook': { sourceId: 'prod', newToken: true },
  'settings:get': {},
  'settings:update': { theme: 'dark' },
  'notifications:test': {},
  'alarm:snooze': { alertId: 'prod:abc123', minutes: 15 },
  'alarm:doNotDisturb': { on: true, minutes: 60 },
  'alarm:doNotDisturbState': {},
  'alarm:ringing': {},
  'schedules:onCall': {},
  'schedules:setFeedUrl': { feed: 'f1', url: 'webcal://acme.pagerduty.com/private/k/feed/P1' },
  'schedules:readFeed': { feed: 'f1' },
  'alert:escalation': { alertId: 'prod:abc123' },
  'link:open': { url: 'https://example.com' },
  'channels:secrets': {},
  'channel:setSecret': { channelId: 'incident', secret: 'https://hooks.slack.com/services/T/B/x' },
  'channel:test': { channelId: 'incident' },
  'outbound:list': {},
  'sync:get': {},
  'sync:join': { id: 'inc-20261205-140200-ab12' },
  'sync:setToken': { token: 'team-token-0123456789' },
  'presence:get': {},
  'presence:set': { incidentId: 'inc-20261205-140200-ab12', activity: 'typing' },
  'runbooks:list': {},
  'runbook:get': { id: 'db/replica-lag.md' },
  'runbooks:forAlert': { alertId: 'prod:abc123' },
  'runbooks:forIncident': { incidentId: 'inc-20260301-020000-ab12' },
  'incidents:list': {},
  'incidents:dismissProblem': {
    id: 'inc-20260301-020000-ab12:repaired:2026-03-01T02:00:00.000Z',
  },
  'incident:get': { id: 'inc-20260301-020000-ab12' },
  'incident:declare': { title: 'Checkout errors', severity: 'sev2' },
  'incident:attachAlerts': { id: 'inc-20261124-142300-ab12', alertIds: ['prod:abc'] },
  'incident:apply': {
    id: 'inc-20260301-020000-ab12',
    op: { type: 'timeline.add', args: { text: 'Rolled back the deploy' } },
  },
  'incident:load': { id: 'inc-20260301-020000-ab12' },
  'incident:change': {
    id: 'inc-20260301-020000-ab12',
    op: { type: 'timeline.strike', args: { id: 'e-1', struck: true } },
  },
};

describe('invoke channels', () => {
  it('lists every declared call, named noun:verb', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual(Object.keys(validRequests).sort());
    // The verb may be camelCase (`runbooks:forAlert`); the noun is one lower-case word.
    for (const channel of INVOKE_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
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

  it('needs a runbook id and an alert id of sensible length', () => {
    const get = invokeContract['runbook:get'].request;
    const forAlert = invokeContract['runbooks:forAlert'].request;
    expect(get.safeParse({ id: '' }).success).toBe(false);
    expect(get.safeParse({ id: 'a'.repeat(1025) }).success).toBe(false);
    expect(get.safeParse({}).success).toBe(false);
    expect(forAlert.safeParse({ alertId: '' }).success).toBe(false);
    expect(forAlert.safeParse({ id: 'prod:x' }).success).toBe(false);
  });

  it('describes the runbook answers: summaries, a runbook, a runbook_url resolution', () => {
    const summary = {
      id: 'db/replica-lag.md',
      title: 'Replica lag',
      match: { alertname: { regex: 'Replica(Lag|Down)' }, team: 'data' },
      tags: [],
      stepCount: 2,
    };
    const broken = { ...summary, id: 'broken.md', match: {}, error: 'front matter: …' };
    const list = invokeContract['runbooks:list'].response;
    expect(list.safeParse({ runbooks: [], errors: [] }).success).toBe(true);
    expect(
      list.safeParse({
        dir: '/srv/runbooks',
        runbooks: [summary, broken],
        errors: [{ file: 'broken.md', message: 'front matter: …' }],
      }).success,
    ).toBe(true);
    expect(list.safeParse({ runbooks: [{ ...summary, stepCount: -1 }], errors: [] }).success).toBe(
      false,
    );

    const forAlert = invokeContract['runbooks:forAlert'].response;
    for (const runbookUrl of [
      { kind: 'external', url: 'https://wiki.example/x' },
      { kind: 'local', id: 'db/replica-lag.md', fragment: 'checks' },
      { kind: 'refused', reason: 'only http(s) links may leave the app' },
    ]) {
      expect(forAlert.safeParse({ runbooks: [summary], runbookUrl }).success).toBe(true);
    }
    expect(forAlert.safeParse({ runbooks: [] }).success).toBe(true);
    expect(
      forAlert.safeParse({ runbooks: [], runbookUrl: { kind: 'open', url: 'x' } }).success,
    ).toBe(false);

    const get = invokeContract['runbook:get'].response;
    const runbook = {
      ...summary,
      steps: [],
      body: '# Lag',
      file: '/srv/runbooks/db/replica-lag.md',
    };
    expect(get.safeParse({ runbook }).success).toBe(true);
    expect(get.safeParse({ runbook: { ...runbook, body: undefined } }).success).toBe(false);
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

    it('takes a runbook folder as an absolute path, or none', () => {
      for (const runbooks of [{}, { dir: '/srv/runbooks' }, { dir: 'C:\\runbooks' }]) {
        expect(request.safeParse({ runbooks }).success).toBe(true);
      }
      for (const runbooks of [
        { dir: 'runbooks' },
        { dir: '' },
        { dir: '/srv/x', watch: true },
        { dir: 7 },
      ]) {
        expect(request.safeParse({ runbooks }).success).toBe(false);
      }
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
      [
        'alarm:changed',
        'alarm:doNotDisturbChanged',
        'alerts:changed',
        'alert:reveal',
        'incident:changed',
        'incident:patched',
        'incidents:changed',
        'outbound:recorded',
        'runbooks:changed',
        'schedules:changed',
        'settings:changed',
        'source:status',
        'sync:changed',
        'presence:changed',
        'link:incident',
      ].sort(),
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

describe('do-not-disturb', () => {
  it('takes minutes or an end time, not both', () => {
    const request = invokeContract['alarm:doNotDisturb'].request;
    const until = '2026-03-11T08:00:00.000Z';
    expect(request.safeParse({ on: true, until }).success).toBe(true);
    expect(request.safeParse({ on: true, minutes: 60, until }).success).toBe(false);
    expect(eventContract['alarm:doNotDisturbChanged'].safeParse({ on: true, until }).success).toBe(
      true,
    );
  });
});
