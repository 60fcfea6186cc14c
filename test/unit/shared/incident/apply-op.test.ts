import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  applyIncidentOp,
  incidentOpSchema,
  type IncidentOp,
} from '../../../../src/shared/incident/apply-op';
import { readIncident } from '../../../../src/shared/incident/read-incident';
import { at, newIncident, refusal } from './incident-fixtures';

describe('applyIncidentOp', () => {
  it('adds a timeline entry and answers its id', () => {
    const doc = newIncident();
    const outcome = applyIncidentOp(
      doc,
      { type: 'timeline.add', args: { text: 'Restarted the pool', time: '14:23' } },
      at(2),
    );
    expect(outcome.changed).toBe(true);
    const entry = readIncident(doc).timeline.find((e) => e.id === outcome.createdId);
    expect(entry).toMatchObject({ text: 'Restarted the pool', at: '2025-03-04T14:23:00.000Z' });
  });

  it('answers the ids of the roles and action items it creates', () => {
    const doc = newIncident();
    const role = applyIncidentOp(doc, { type: 'role.add', args: { name: 'Liaison' } }, at(1));
    const item = applyIncidentOp(
      doc,
      { type: 'action-item.add', args: { text: 'Alert on pool size', owner: 'bo' } },
      at(2),
    );
    const incident = readIncident(doc);
    expect(incident.roles.map((r) => r.id)).toContain(role.createdId);
    expect(incident.actionItems.map((a) => a.id)).toEqual([item.createdId]);
  });

  it('records a status update and answers the timeline entry it wrote', () => {
    const doc = newIncident();
    const outcome = applyIncidentOp(
      doc,
      { type: 'status-update.post', args: { text: 'Still looking', phase: 'investigating' } },
      at(10),
    );
    const incident = readIncident(doc);
    expect(incident.timeline.find((e) => e.id === outcome.createdId)?.kind).toBe('update');
    expect(incident.lastUpdateAt).toBe('2025-03-04T14:40:00.000Z');
  });

  it('says when the document already was as asked', () => {
    const doc = newIncident();
    const op: IncidentOp = { type: 'severity.change', args: { severity: 'sev2' } };
    expect(applyIncidentOp(doc, op, at(1)).changed).toBe(false);
    expect(applyIncidentOp(doc, { ...op, args: { severity: 'sev1' } }, at(2)).changed).toBe(true);
  });

  it('passes refusals through and writes nothing', () => {
    const doc = newIncident();
    const before = Y.encodeStateVector(doc);
    const error = refusal(() =>
      applyIncidentOp(doc, { type: 'lifecycle.set', args: { status: 'closed' } }, at(1)),
    );
    expect(error.code).toBe('closure-incomplete');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('validates what crosses the IPC boundary: a known type with its own arguments', () => {
    expect(
      incidentOpSchema.safeParse({ type: 'check.tick', args: { itemId: 'ic.declare' } }).success,
    ).toBe(true);
    expect(incidentOpSchema.safeParse({ type: 'check.tick', args: {} }).success).toBe(false);
    expect(incidentOpSchema.safeParse({ type: 'doc.delete', args: {} }).success).toBe(false);
    expect(
      incidentOpSchema.safeParse({ type: 'check.tick', args: { itemId: 'x' }, extra: 1 }).success,
    ).toBe(false);
  });
});
