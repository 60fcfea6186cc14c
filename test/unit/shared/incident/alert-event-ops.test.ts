import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { recordAlertEvent } from '../../../../src/shared/incident/alert-event-ops';
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
