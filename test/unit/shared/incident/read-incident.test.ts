import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addActionItem, updateActionItem } from '../../../../src/shared/incident/action-item-ops';
import { ROOT } from '../../../../src/shared/incident/doc-layout';
import {
  changeSeverity,
  correctTime,
  postStatusUpdate,
  setLifecycle,
  setStatusCadence,
  updateDetails,
} from '../../../../src/shared/incident/lifecycle-ops';
import { INCIDENT_OP_ORIGIN } from '../../../../src/shared/incident/op-context';
import {
  isIncidentCreated,
  readClosure,
  readIncident,
  statusUpdateDue,
} from '../../../../src/shared/incident/read-incident';
import { incidentSnapshotSchema } from '../../../../src/shared/incident/schema';
import {
  addRole,
  assignRole,
  tickCheck,
  tickRunbookStep,
  untickCheck,
  untickRunbookStep,
} from '../../../../src/shared/incident/team-ops';
import { addTimelineEntry, editTimelineEntry } from '../../../../src/shared/incident/timeline-ops';
import { at, newIncident, refusal, updatesDuring } from './incident-fixtures';

describe('readIncident', () => {
  it('refuses a document with no incident yet', () => {
    const doc = new Y.Doc();
    expect(isIncidentCreated(doc)).toBe(false);
    expect(refusal(() => readIncident(doc)).code).toBe('not-created');
  });

  it('returns a plain object that survives structured cloning and JSON unchanged', () => {
    const doc = newIncident();
    addTimelineEntry(doc, { text: 'x', time: '14:20' }, at(1));
    addActionItem(doc, { text: 'y' }, at(2));
    const snapshot = readIncident(doc);
    expect(structuredClone(snapshot)).toEqual(snapshot);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(incidentSnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('leaves out what it cannot read and says so, showing the rest', () => {
    const doc = newIncident();
    addTimelineEntry(doc, { text: 'kept', time: '14:20' }, at(1));
    doc.transact(() => {
      doc.getMap(ROOT.meta).set('severity', 'catastrophic');
      doc.getMap(ROOT.meta).set('schemaVersion', 2);
      doc.getMap(ROOT.meta).set('detectedAt', 'yesterday');
      doc.getArray(ROOT.timeline).push([{ id: 'plain', text: 'not a map' }]);
      doc.getMap(ROOT.checks).set('ic.bridge', { by: '', at: 'now' });
      doc.getMap(ROOT.roles).set('ghost', 'not a role');
    });
    const incident = readIncident(doc);
    expect(incident.severity).toBe('sev3');
    expect(incident.times.detectedAt).toBeUndefined();
    expect(incident.timeline.map((e) => e.text)).toContain('kept');
    expect(incident.roles.map((r) => r.id)).not.toContain('ghost');
    expect(incident.roles[0]?.checklist.find((i) => i.id === 'ic.bridge')?.done).toBeUndefined();
    expect(incident.problems).toEqual([
      'written by a newer version (layout 2); parts it added are not shown — update the app',
      'meta.severity: unreadable value, left out',
      'meta.detectedAt: unreadable value, left out',
      'roles.ghost: unreadable role, left out',
      'timeline.2: unreadable entry, left out',
    ]);
  });
});

describe('readClosure', () => {
  it('lists the required closure items still open at the current severity', () => {
    const doc = newIncident({ severity: 'sev4' });
    tickCheck(doc, { itemId: 'closure.stable' }, at(1));
    expect(readClosure(doc)).toMatchObject({
      missing: ['closure.root-cause', 'closure.fix-verified', 'closure.stakeholders'],
      complete: false,
    });
  });
});

describe('statusUpdateDue', () => {
  it('says whether the next update is due, overdue, or not scheduled', () => {
    const due = '2025-03-04T15:00:00.000Z';
    expect(statusUpdateDue({ nextUpdateDueAt: due }, new Date('2025-03-04T14:50:00Z'))).toEqual({
      state: 'due',
      dueAt: due,
      secondsLeft: 600,
    });
    expect(statusUpdateDue({ nextUpdateDueAt: due }, new Date('2025-03-04T15:01:30Z'))).toEqual({
      state: 'overdue',
      dueAt: due,
      secondsLate: 90,
    });
    expect(statusUpdateDue({}, new Date())).toEqual({ state: 'none' });
  });
});

describe('every operation', () => {
  it('writes exactly one Yjs update (one transaction), with the operation origin', () => {
    const doc = newIncident();
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const { id: entry } = addTimelineEntry(doc, { text: 'x' }, at(1));
    const { id: item } = addActionItem(doc, { text: 'y' }, at(1));
    const ops: (() => unknown)[] = [
      () => changeSeverity(doc, { severity: 'sev1' }, at(2)),
      () => assignRole(doc, { roleId: 'ic', holder: 'alice' }, at(2)),
      () => addRole(doc, { name: 'DB Lead', checklist: ['a'] }, at(2)),
      () => tickCheck(doc, { itemId: 'ic.bridge' }, at(2)),
      () => untickCheck(doc, { itemId: 'ic.bridge' }, at(2)),
      () => tickRunbookStep(doc, { runbookId: 'r.md', stepId: 's-1' }, at(2)),
      () => untickRunbookStep(doc, { runbookId: 'r.md', stepId: 's-1' }, at(2)),
      () => editTimelineEntry(doc, { id: entry, text: 'x2', time: '14:00' }, at(2)),
      () => correctTime(doc, { field: 'detectedAt', time: '14:00' }, at(2)),
      () => postStatusUpdate(doc, { text: 'update' }, at(2)),
      () => setStatusCadence(doc, { minutes: 10 }, at(2)),
      () => updateDetails(doc, { title: 'T', impact: 'I', affectedServices: ['a'] }, at(2)),
      () => updateActionItem(doc, { id: item, status: 'done', owner: 'bob' }, at(2)),
      () => setLifecycle(doc, { status: 'resolved' }, at(2)),
      () => setLifecycle(doc, { status: 'investigating' }, at(3)),
    ];
    for (const op of ops) expect(updatesDuring(doc, op), String(op)).toBe(1);
    expect(origins.every((origin) => origin === INCIDENT_OP_ORIGIN)).toBe(true);
  });

  it('passes the caller’s origin to the transaction', () => {
    const doc = newIncident();
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const origin = { local: true };
    addTimelineEntry(doc, { text: 'x' }, at(1, 'sam', { origin }));
    expect(origins).toEqual([origin]);
  });

  it('refuses a context without an actor or with a bad clock', () => {
    const doc = newIncident();
    expect(
      refusal(() => addTimelineEntry(doc, { text: 'x' }, { now: NaNDate(), actor: 'a' })).code,
    ).toBe('invalid');
    expect(
      refusal(() => addTimelineEntry(doc, { text: 'x' }, { now: '2025-03-04', actor: 'a' })).code,
    ).toBe('invalid');
    expect(
      refusal(() =>
        addTimelineEntry(
          doc,
          { text: 'x' },
          { now: '2025-03-04T14:00:00Z', actor: 'a', timeZone: 'Nowhere/X' },
        ),
      ).code,
    ).toBe('invalid');
  });
});

function NaNDate(): Date {
  return new Date(Number.NaN);
}
