import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INCIDENT_DEFAULTS } from '../../../../src/shared/domain/incident-defaults';
import {
  channelSubjectFromAlerts,
  titleFromAlerts,
} from '../../../../src/shared/incident/alert-title';
import { createIncident } from '../../../../src/shared/incident/create-incident';
import { isIncidentCreated, readIncident } from '../../../../src/shared/incident/read-incident';
import { makeAlert } from '../make-alert';
import { NOW, at, newIncident, refusal } from './incident-fixtures';

describe('createIncident from scratch', () => {
  it('writes meta, the default roles and checklists, and the declaration', () => {
    const doc = newIncident({ impact: 'Some checkouts fail', affectedServices: ['checkout'] });
    const incident = readIncident(doc);
    expect(incident).toMatchObject({
      schemaVersion: 1,
      id: 'inc-1',
      title: 'Checkout errors',
      severity: 'sev2',
      status: 'investigating',
      impact: 'Some checkouts fail',
      affectedServices: ['checkout'],
      channel: '#inc-20250304-checkout-errors',
      times: { detectedAt: NOW, declaredAt: NOW },
      sourceAlerts: [],
      statusCadenceMinutes: 30,
      nextUpdateDueAt: '2025-03-04T15:00:00.000Z',
      createdAt: NOW,
      createdBy: 'alice',
      problems: [],
    });
    expect(incident.roles.map((r) => r.id)).toEqual(['ic', 'tech-lead', 'comms-lead', 'scribe']);
    expect(incident.roles.every((r) => r.holder === undefined)).toBe(true);
    expect(incident.roles[0]?.checklist.map((i) => i.id)).toEqual(
      DEFAULT_INCIDENT_DEFAULTS.roles[0]?.checklist.map((i) => i.id),
    );
    expect(incident.closure.complete).toBe(false);
    expect(incident.closure.missing).toHaveLength(6);
    expect(incident.timeline).toEqual([
      expect.objectContaining({
        at: NOW,
        kind: 'declared',
        text: 'Declared SEV2: Checkout errors',
        author: 'alice',
        auto: true,
        createdAt: NOW,
      }),
    ]);
    expect(isIncidentCreated(doc)).toBe(true);
  });

  it('words the severity in the team’s vocabulary', () => {
    const doc = new Y.Doc();
    createIncident(
      doc,
      { id: 'inc-2', title: 'DB down', severity: 'sev1' },
      at(0, 'alice', { severityScale: 'p0-p3' }),
    );
    expect(readIncident(doc).timeline[0]?.text).toBe('Declared P0: DB down');
  });

  it('reads a typed detection time and acknowledgement, and records both', () => {
    const doc = newIncident({ detectedAt: '14:12', acknowledgedAt: '14:15' });
    const incident = readIncident(doc);
    expect(incident.times.detectedAt).toBe('2025-03-04T14:12:00.000Z');
    expect(incident.times.acknowledgedAt).toBe('2025-03-04T14:15:00.000Z');
    expect(incident.timeline.map((e) => [e.at.slice(11, 16), e.kind, e.text])).toEqual([
      ['14:12', 'note', 'Detected'],
      ['14:15', 'alert', 'Acknowledged'],
      ['14:30', 'declared', 'Declared SEV2: Checkout errors'],
    ]);
  });

  it('has no next update at a severity without a cadence', () => {
    const incident = readIncident(newIncident({ severity: 'sev4' }));
    expect(incident.statusCadenceMinutes).toBeNull();
    expect(incident.nextUpdateDueAt).toBeUndefined();
  });

  it('uses a team’s own defaults', () => {
    const doc = newIncident({
      defaults: {
        roles: [{ id: 'lead', name: 'Lead', checklist: [{ id: 'lead.1', text: 'Lead it' }] }],
        statusCadenceMinutes: { sev1: 5, sev2: 10, sev3: 60, sev4: 1440 },
        closureChecklist: [{ id: 'closure.ok', text: 'All good' }],
      },
    });
    const incident = readIncident(doc);
    expect(incident.roles.map((r) => r.name)).toEqual(['Lead']);
    expect(incident.statusCadenceMinutes).toBe(10);
    expect(incident.closure.missing).toEqual(['closure.ok']);
  });

  it('refuses a second creation, missing title or severity, and bad ids', () => {
    const doc = newIncident();
    expect(
      refusal(() => createIncident(doc, { id: 'inc-9', title: 'x', severity: 'sev1' }, at(1))).code,
    ).toBe('already-created');
    const empty = new Y.Doc();
    const noSeverity = refusal(() => createIncident(empty, { id: 'inc-2', title: 'x' }, at(0)));
    expect(noSeverity.code).toBe('invalid');
    expect(noSeverity.message).toMatch(/title and a severity, or the alerts/);
    expect(
      refusal(() => createIncident(empty, { id: '../etc', title: 'x', severity: 'sev1' }, at(0)))
        .code,
    ).toBe('invalid');
    expect(
      refusal(() =>
        createIncident(
          empty,
          { id: 'inc-2', title: 'x', severity: 'sev1' },
          { now: NOW, actor: ' ' },
        ),
      ).code,
    ).toBe('invalid');
    expect(
      refusal(() =>
        createIncident(
          empty,
          { id: 'inc-2', title: 'x', severity: 'sev1', detectedAt: '25:00' },
          at(0),
        ),
      ).code,
    ).toBe('bad-time');
    expect(isIncidentCreated(empty)).toBe(false);
    expect(empty.getMap('meta').size).toBe(0);
  });
});

describe('createIncident from alerts', () => {
  const errors = makeAlert('CheckoutErrorRate', {
    severity: 'sev2',
    labels: { alertname: 'CheckoutErrorRate', service: 'checkout', severity: 'high' },
    startsAt: '2025-03-04T14:10:00Z',
    title: 'Checkout error rate above 5%',
  });
  const latency = makeAlert('CheckoutLatency', {
    severity: 'sev1',
    labels: { alertname: 'CheckoutLatency', service: 'checkout', severity: 'critical' },
    startsAt: '2025-03-04T14:05:00.000Z',
    title: 'Checkout p95 above 2s',
    ack: { by: 'bob', at: '2025-03-04T14:07:00.000Z', via: 'source' },
  });

  it('takes the worst severity, the earliest start as detection, and the alertname as title', () => {
    const doc = new Y.Doc();
    createIncident(doc, { id: 'inc-3', alerts: [errors, latency] }, at(0));
    const incident = readIncident(doc);
    expect(incident.severity).toBe('sev1');
    expect(incident.title).toBe('CheckoutLatency (+1 more)');
    expect(incident.times.detectedAt).toBe('2025-03-04T14:05:00.000Z');
    expect(incident.times.acknowledgedAt).toBe('2025-03-04T14:07:00.000Z');
    expect(incident.affectedServices).toEqual(['checkout']);
    expect(incident.statusCadenceMinutes).toBe(15);
    expect(incident.sourceAlerts).toEqual([
      {
        id: 'prod:CheckoutLatency',
        title: 'Checkout p95 above 2s',
        severity: 'sev1',
        labels: latency.labels,
        startsAt: '2025-03-04T14:05:00.000Z',
      },
      {
        id: 'prod:CheckoutErrorRate',
        title: 'Checkout error rate above 5%',
        severity: 'sev2',
        labels: errors.labels,
        startsAt: '2025-03-04T14:10:00.000Z',
      },
    ]);
    expect(incident.timeline.map((e) => [e.at.slice(11, 16), e.kind, e.text])).toEqual([
      ['14:05', 'alert', 'Alert fired: Checkout p95 above 2s'],
      ['14:07', 'alert', 'Acknowledged by bob'],
      ['14:10', 'alert', 'Alert fired: Checkout error rate above 5%'],
      ['14:30', 'declared', 'Declared SEV1: CheckoutLatency (+1 more)'],
    ]);
  });

  it('lets the arguments win over what the alerts say', () => {
    const doc = new Y.Doc();
    createIncident(
      doc,
      {
        id: 'inc-4',
        alerts: [latency],
        title: 'Slow checkout',
        severity: 'sev2',
        detectedAt: '14:00',
      },
      at(0),
    );
    const incident = readIncident(doc);
    expect(incident).toMatchObject({ title: 'Slow checkout', severity: 'sev2' });
    expect(incident.times.detectedAt).toBe('2025-03-04T14:00:00.000Z');
  });

  it('refuses alerts that do not fit the alert schema', () => {
    const doc = new Y.Doc();
    const bad = { ...errors, startsAt: 'an hour ago' };
    expect(refusal(() => createIncident(doc, { id: 'inc-5', alerts: [bad] }, at(0))).code).toBe(
      'invalid',
    );
  });
});

describe('titleFromAlerts', () => {
  it('falls back to the alert title, then to a placeholder', () => {
    expect(titleFromAlerts([makeAlert('A', { labels: {}, title: 'Disk full' })])).toBe('Disk full');
    expect(titleFromAlerts([makeAlert('A', { labels: {}, title: '  ' })])).toBe(
      'Untitled incident',
    );
    expect(titleFromAlerts([])).toBe('Untitled incident');
  });

  it('counts each other alert name once', () => {
    const alerts = [
      makeAlert('A'),
      makeAlert('B'),
      makeAlert('B2', { labels: { alertname: 'B' } }),
    ];
    expect(titleFromAlerts(alerts)).toBe('A (+1 more)');
  });
});

describe('channelSubjectFromAlerts', () => {
  const withService = (name: string, service: string) =>
    makeAlert(name, { labels: { alertname: name, service } });

  it('names the channel after what the alerts share, never "(+1 more)"', () => {
    const errors = withService('HighErrorRate', 'payments');
    const latency = withService('HighLatency', 'payments');
    expect(channelSubjectFromAlerts([errors, latency])).toBe('payments');
    expect(channelSubjectFromAlerts([errors, withService('HighErrorRate2', 'payments')])).toBe(
      'payments',
    );
    // One alert name for all: that name.
    const again = makeAlert('B2', { labels: { alertname: 'HighErrorRate', service: 'cart' } });
    expect(channelSubjectFromAlerts([errors, again])).toBe('HighErrorRate');
    // Nothing shared: the worst alert's name.
    const disk = makeAlert('DiskFull', { severity: 'sev3', labels: { alertname: 'DiskFull' } });
    expect(channelSubjectFromAlerts([disk, errors])).toBe('HighErrorRate');
    expect(channelSubjectFromAlerts([])).toBeUndefined();
  });

  it('is what an incident declared from the alerts without a title is named after', () => {
    const doc = new Y.Doc();
    createIncident(
      doc,
      {
        id: 'inc-9',
        alerts: [withService('HighErrorRate', 'payments'), withService('HighLatency', 'payments')],
      },
      at(0),
    );
    const incident = readIncident(doc);
    expect(incident.title).toBe('HighErrorRate (+1 more)');
    expect(incident.channel).toBe('#inc-20250304-payments');
  });
});
