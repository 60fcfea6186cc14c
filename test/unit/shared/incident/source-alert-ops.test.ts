import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { attachAlerts, recordAlertEvent } from '../../../../src/shared/incident/source-alert-ops';
import { readIncident } from '../../../../src/shared/incident/read-incident';
import { makeAlert } from '../make-alert';
import { at, newIncident } from './incident-fixtures';

const errors = makeAlert('CheckoutErrorRate', { startsAt: '2025-03-04T14:10:00.000Z' });

function declared(): Y.Doc {
  return newIncident({ title: undefined, severity: undefined, alerts: [errors] });
}

const alertTexts = (doc: Y.Doc): string[] =>
  readIncident(doc)
    .timeline.filter((e) => e.kind === 'alert')
    .map((e) => e.text);

describe('recordAlertEvent', () => {
  it('puts a source alert resolving on the timeline at the time it resolved, once', () => {
    const doc = declared();
    const args = {
      alertId: errors.id,
      event: 'resolved' as const,
      title: errors.title,
      at: '2025-03-04T14:41:00.000Z',
    };
    expect(recordAlertEvent(doc, args, at(12, 'Alertmanager')).changed).toBe(true);
    // The next poll, or a teammate's app, brings the same news: nothing more is written.
    expect(recordAlertEvent(doc, args, at(13, 'Alertmanager')).changed).toBe(false);
    expect(readIncident(doc).sourceAlerts[0]?.recorded).toEqual({
      state: 'resolved',
      at: '2025-03-04T14:41:00.000Z',
    });
    const entry = readIncident(doc).timeline.find((e) => e.text.startsWith('Alert resolved'));
    expect(entry).toMatchObject({
      at: '2025-03-04T14:41:00.000Z',
      kind: 'alert',
      auto: true,
      author: 'Alertmanager',
      text: `Alert resolved: ${errors.title}`,
    });
  });

  it('records the alert firing again after it resolved, but not while it still fires', () => {
    const doc = declared();
    const fired = { alertId: errors.id, title: errors.title, at: '2025-03-04T14:50:00.000Z' };
    expect(recordAlertEvent(doc, { ...fired, event: 'fired' }, at(20)).changed).toBe(false);
    recordAlertEvent(doc, { ...fired, event: 'resolved', at: '2025-03-04T14:45:00.000Z' }, at(21));
    recordAlertEvent(doc, { ...fired, event: 'fired' }, at(22));
    expect(alertTexts(doc)).toEqual([
      `Alert fired: ${errors.title}`,
      `Alert resolved: ${errors.title}`,
      `Alert fired again: ${errors.title}`,
    ]);
  });

  it('dates a re-fired alert that still carries its first start time at the moment it is seen', () => {
    const doc = declared();
    const base = { alertId: errors.id, title: errors.title };
    recordAlertEvent(doc, { ...base, event: 'resolved', at: '2025-03-04T14:40:00.000Z' }, at(11));
    recordAlertEvent(doc, { ...base, event: 'fired', at: errors.startsAt }, at(15));
    const again = readIncident(doc).timeline.find((e) => e.text.startsWith('Alert fired again'));
    expect(again?.at).toBe('2025-03-04T14:45:00.000Z');
  });

  it('records an alert silenced at its source, and firing again once the silence ends', () => {
    const doc = declared();
    const base = { alertId: errors.id, title: errors.title };
    recordAlertEvent(doc, { ...base, event: 'suppressed', at: '2025-03-04T14:35:00.000Z' }, at(5));
    recordAlertEvent(doc, { ...base, event: 'suppressed', at: '2025-03-04T14:36:00.000Z' }, at(6));
    recordAlertEvent(doc, { ...base, event: 'fired', at: '2025-03-04T14:50:00.000Z' }, at(20));
    expect(alertTexts(doc)).toEqual([
      `Alert fired: ${errors.title}`,
      `Alert silenced or inhibited at its source: ${errors.title}`,
      `Alert fired again: ${errors.title}`,
    ]);
  });

  it('ignores alerts the incident was not declared from', () => {
    const doc = declared();
    const before = Y.encodeStateVector(doc);
    const other = makeAlert('DiskFull');
    const outcome = recordAlertEvent(
      doc,
      { alertId: other.id, event: 'resolved', title: other.title, at: '2025-03-04T14:41:00Z' },
      at(12),
    );
    expect(outcome.changed).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('attachAlerts', () => {
  const latency = makeAlert('CheckoutLatency', {
    startsAt: '2025-03-04T14:20:00.000Z',
    labels: { alertname: 'CheckoutLatency', service: 'payments' },
  });

  it('follows a later alert like the declared ones: on the timeline, its service, its resolving', () => {
    const doc = declared();
    const outcome = attachAlerts(doc, { alerts: [latency, errors] }, at(5, 'sam'));
    expect(outcome).toEqual({ changed: true, added: 1 });

    const incident = readIncident(doc);
    expect(incident.sourceAlerts.map((a) => a.id)).toEqual([errors.id, latency.id]);
    expect(incident.affectedServices).toContain('payments');
    const fired = incident.timeline.find((e) => e.text === `Alert fired: ${latency.title}`);
    expect(fired).toMatchObject({ at: '2025-03-04T14:20:00.000Z', auto: true, author: 'sam' });
    expect(incident.timeline.at(-1)).toMatchObject({
      at: '2025-03-04T14:35:00.000Z',
      text: `Added to the incident: ${latency.title}`,
    });

    const resolved = { alertId: latency.id, title: latency.title, at: '2025-03-04T14:50:00Z' };
    expect(recordAlertEvent(doc, { ...resolved, event: 'resolved' }, at(20)).changed).toBe(true);
  });

  it('adds nothing twice: an alert already followed changes nothing', () => {
    const doc = declared();
    attachAlerts(doc, { alerts: [latency] }, at(5));
    const before = Y.encodeStateVector(doc);
    expect(attachAlerts(doc, { alerts: [latency, errors] }, at(6))).toEqual({
      changed: false,
      added: 0,
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('keeps alerts two people add at the same time', () => {
    const a = declared();
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    attachAlerts(a, { alerts: [latency] }, at(5, 'sam'));
    attachAlerts(b, { alerts: [makeAlert('DiskFull')] }, at(5, 'kim'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const ids = (doc: Y.Doc) => readIncident(doc).sourceAlerts.map((alert) => alert.id);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).toEqual(expect.arrayContaining([errors.id, latency.id, 'prod:DiskFull']));
  });
});
