import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addActionItem } from '../../../../src/shared/incident/action-item-ops';
import { judgeClosure } from '../../../../src/shared/incident/closure-judgement';
import { postStatusUpdate, setLifecycle } from '../../../../src/shared/incident/lifecycle-ops';
import { readIncident } from '../../../../src/shared/incident/read-incident';
import { recordAlertEvent } from '../../../../src/shared/incident/source-alert-ops';
import { makeAlert } from '../make-alert';
import { at, newIncident, refusal } from './incident-fixtures';

const errors = makeAlert('HighErrorRate', { startsAt: '2025-03-04T14:10:00.000Z' });
const latency = makeAlert('HighLatency', { startsAt: '2025-03-04T14:12:00.000Z' });
const START = Date.parse('2025-03-04T14:30:00.000Z');
const minutes = (n: number) => START + n * 60_000;

function declared(): Y.Doc {
  return newIncident({ title: undefined, severity: undefined, alerts: [errors, latency] });
}

function resolveAlert(doc: Y.Doc, alert: typeof errors, minute: number): void {
  const iso = new Date(minutes(minute)).toISOString();
  recordAlertEvent(
    doc,
    { alertId: alert.id, event: 'resolved', title: alert.title, at: iso },
    at(minute, 'Alertmanager'),
  );
}

const judged = (doc: Y.Doc, minute: number, id: string) =>
  judgeClosure(readIncident(doc), minutes(minute)).get(id);

describe('judgeClosure', () => {
  it('"alerts clear" is not met while a linked alert fires, and says which', () => {
    const doc = declared();
    expect(judged(doc, 5, 'closure.fix-verified')).toEqual({
      met: false,
      why: '2 linked alerts still fire: HighErrorRate, HighLatency',
    });
    resolveAlert(doc, errors, 6);
    expect(judged(doc, 7, 'closure.fix-verified')?.why).toBe(
      '1 linked alert still fires: HighLatency',
    );
    resolveAlert(doc, latency, 8);
    expect(judged(doc, 9, 'closure.fix-verified')).toEqual({
      met: true,
      why: 'all 2 linked alerts have resolved',
    });
    // Declared without alerts: nothing to judge.
    expect(judged(newIncident(), 9, 'closure.fix-verified')).toBeUndefined();
  });

  it('"stable for an hour" counts from mitigation', () => {
    const doc = declared();
    expect(judged(doc, 5, 'closure.stable')).toEqual({ met: false, why: 'not mitigated yet' });
    setLifecycle(doc, { status: 'mitigated' }, at(10));
    expect(judged(doc, 10, 'closure.stable')).toEqual({
      met: false,
      why: 'mitigated 0 min ago; an hour is up in 1 h',
    });
    expect(judged(doc, 58, 'closure.stable')?.why).toBe(
      'mitigated 48 min ago; an hour is up in 12 min',
    );
    expect(judged(doc, 75, 'closure.stable')).toEqual({
      met: true,
      why: 'mitigated 1 h 5 min ago',
    });
  });

  it('"stakeholders know" and "status page" look for a posted update saying resolved', () => {
    const doc = newIncident();
    expect(judged(doc, 5, 'closure.stakeholders')?.met).toBe(false);
    postStatusUpdate(
      doc,
      { text: 'Looking', audience: 'status-page', phase: 'investigating' },
      at(5),
    );
    expect(judged(doc, 6, 'closure.stakeholders')).toEqual({
      met: false,
      why: 'no update saying it is resolved has been posted',
    });
    postStatusUpdate(doc, { text: 'Fixed', audience: 'resolution', phase: 'resolved' }, at(7));
    expect(judged(doc, 8, 'closure.stakeholders')).toEqual({
      met: true,
      why: 'a resolution notice was posted',
    });
    expect(judged(doc, 8, 'closure.status-page')?.met).toBe(false);
    postStatusUpdate(doc, { text: 'Fixed', audience: 'status-page', phase: 'resolved' }, at(9));
    expect(judged(doc, 10, 'closure.status-page')?.met).toBe(true);
  });

  it('action items: met when every one has an owner', () => {
    const doc = newIncident();
    expect(judged(doc, 1, 'closure.action-items')).toEqual({
      met: true,
      why: 'no action items recorded',
    });
    addActionItem(doc, { text: 'Alert on pool saturation' }, at(2));
    expect(judged(doc, 3, 'closure.action-items')).toEqual({
      met: false,
      why: '1 has no owner: Alert on pool saturation',
    });
  });
});

describe('resolving or closing while linked alerts fire', () => {
  it('is refused unless confirmed, naming the alerts; confirmed, the timeline records it', () => {
    const doc = declared();
    const before = readIncident(doc);
    expect(refusal(() => setLifecycle(doc, { status: 'resolved' }, at(5)))).toMatchObject({
      code: 'alerts-firing',
      message:
        '2 linked alerts still fire: HighErrorRate, HighLatency. Check them, or confirm that the incident is resolved anyway.',
    });
    expect(readIncident(doc)).toEqual(before);
    // Mitigating is no claim that the alerts are clear.
    expect(setLifecycle(doc, { status: 'mitigated' }, at(6)).changed).toBe(true);

    setLifecycle(doc, { status: 'resolved', despiteFiringAlerts: true }, at(7, 'sam'));
    expect(readIncident(doc).timeline.at(-1)).toMatchObject({
      kind: 'status',
      author: 'sam',
      text: 'Status: mitigated → resolved; confirmed while 2 linked alerts still fire: HighErrorRate, HighLatency',
    });
  });

  it('is not asked once the alerts have resolved', () => {
    const doc = declared();
    resolveAlert(doc, errors, 3);
    resolveAlert(doc, latency, 4);
    expect(setLifecycle(doc, { status: 'resolved' }, at(5)).changed).toBe(true);
    expect(readIncident(doc).timeline.at(-1)?.text).toBe('Status: investigating → resolved');
  });
});
