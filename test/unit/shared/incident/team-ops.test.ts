import { describe, expect, it } from 'vitest';
import { readIncident } from '../../../../src/shared/incident/read-incident';
import {
  addRole,
  assignRole,
  tickCheck,
  tickRunbookStep,
  untickCheck,
  untickRunbookStep,
} from '../../../../src/shared/incident/team-ops';
import { at, newIncident, refusal, updatesDuring } from './incident-fixtures';

const lastEntry = (doc: ReturnType<typeof newIncident>) => readIncident(doc).timeline.at(-1);

describe('assignRole', () => {
  it('gives a role to someone, with who assigned it and when, on the timeline', () => {
    const doc = newIncident();
    expect(assignRole(doc, { roleId: 'ic', holder: 'alice' }, at(1))).toEqual({ changed: true });
    const ic = readIncident(doc).roles[0];
    expect(ic).toMatchObject({
      id: 'ic',
      holder: 'alice',
      assignedAt: '2025-03-04T14:31:00.000Z',
      assignedBy: 'alice',
    });
    expect(lastEntry(doc)).toMatchObject({
      kind: 'role',
      text: 'Incident Commander: alice',
      auto: true,
      author: 'alice',
      at: '2025-03-04T14:31:00.000Z',
    });
  });

  it('hands a role over and takes it back', () => {
    const doc = newIncident();
    assignRole(doc, { roleId: 'scribe', holder: 'sam' }, at(1));
    assignRole(doc, { roleId: 'scribe', holder: 'kim' }, at(2, 'bob'));
    expect(lastEntry(doc)?.text).toBe('Scribe: kim takes over from sam');
    expect(readIncident(doc).roles[3]).toMatchObject({ holder: 'kim', assignedBy: 'bob' });
    assignRole(doc, { roleId: 'scribe', holder: null }, at(3));
    expect(lastEntry(doc)?.text).toBe('Scribe: unassigned (was kim)');
    const scribe = readIncident(doc).roles[3];
    expect(scribe?.holder).toBeUndefined();
    expect(scribe?.assignedAt).toBeUndefined();
  });

  it('changes nothing when the holder is the same, and refuses unknown roles', () => {
    const doc = newIncident();
    assignRole(doc, { roleId: 'ic', holder: 'alice' }, at(1));
    expect(
      updatesDuring(doc, () => assignRole(doc, { roleId: 'ic', holder: 'alice' }, at(2))),
    ).toBe(0);
    expect(assignRole(doc, { roleId: 'ic', holder: 'alice' }, at(2))).toEqual({ changed: false });
    expect(refusal(() => assignRole(doc, { roleId: 'cook', holder: 'x' }, at(2))).code).toBe(
      'not-found',
    );
    expect(refusal(() => assignRole(doc, { roleId: 'ic', holder: '' }, at(2))).code).toBe(
      'invalid',
    );
  });
});

describe('addRole', () => {
  it('adds a role after the others with its own checklist', () => {
    const doc = newIncident();
    expect(
      addRole(
        doc,
        { name: 'Database Lead', checklist: ['Check replication', 'Check locks'] },
        at(1),
      ),
    ).toEqual({ roleId: 'database-lead' });
    const roles = readIncident(doc).roles;
    expect(roles.map((r) => r.id)).toEqual([
      'ic',
      'tech-lead',
      'comms-lead',
      'scribe',
      'database-lead',
    ]);
    expect(roles[4]?.checklist.map((i) => [i.id, i.text])).toEqual([
      ['database-lead.1', 'Check replication'],
      ['database-lead.2', 'Check locks'],
    ]);
    expect(lastEntry(doc)?.text).toBe('Role added: Database Lead');
    tickCheck(doc, { itemId: 'database-lead.2' }, at(2));
    expect(readIncident(doc).roles[4]?.checklist[1]?.done).toBeDefined();
  });

  it('refuses a role id that exists or cannot be made from the name', () => {
    const doc = newIncident();
    expect(refusal(() => addRole(doc, { roleId: 'ic', name: 'Another' }, at(1))).code).toBe(
      'invalid',
    );
    expect(refusal(() => addRole(doc, { name: '!!!' }, at(1))).code).toBe('invalid');
  });
});

describe('tickCheck / untickCheck', () => {
  it('ticks an item with who and when, and writes it on the timeline', () => {
    const doc = newIncident();
    expect(tickCheck(doc, { itemId: 'ic.bridge' }, at(2, 'bob'))).toEqual({ changed: true });
    const item = readIncident(doc).roles[0]?.checklist.find((i) => i.id === 'ic.bridge');
    expect(item?.done).toEqual({ by: 'bob', at: '2025-03-04T14:32:00.000Z' });
    expect(lastEntry(doc)).toMatchObject({
      kind: 'check',
      author: 'bob',
      text: 'Done (Incident Commander): Open the bridge call and the incident channel',
    });
  });

  it('unticks, also on the timeline; repeating either changes nothing', () => {
    const doc = newIncident();
    tickCheck(doc, { itemId: 'scribe.timeline' }, at(1));
    expect(tickCheck(doc, { itemId: 'scribe.timeline' }, at(2))).toEqual({ changed: false });
    expect(untickCheck(doc, { itemId: 'scribe.timeline' }, at(3, 'kim'))).toEqual({
      changed: true,
    });
    expect(lastEntry(doc)).toMatchObject({
      author: 'kim',
      text: 'Not done (Scribe): Record events on the timeline as they happen',
    });
    expect(readIncident(doc).roles[3]?.checklist[0]?.done).toBeUndefined();
    expect(untickCheck(doc, { itemId: 'scribe.timeline' }, at(4))).toEqual({ changed: false });
    expect(readIncident(doc).timeline.filter((e) => e.kind === 'check')).toHaveLength(2);
  });

  it('ticks closure items too', () => {
    const doc = newIncident();
    tickCheck(doc, { itemId: 'closure.root-cause' }, at(5));
    expect(lastEntry(doc)?.text).toBe('Done (Closure): The root cause is understood');
    expect(readIncident(doc).closure.missing).not.toContain('closure.root-cause');
  });

  it('refuses an unknown item and writes nothing', () => {
    const doc = newIncident();
    expect(updatesDuring(doc, () => tickCheck(doc, { itemId: 'nope' }, at(1)))).toBe(0);
    expect(refusal(() => untickCheck(doc, { itemId: 'nope' }, at(1))).code).toBe('not-found');
  });
});

describe('tickRunbookStep / untickRunbookStep', () => {
  const step = {
    runbookId: 'checkout/high-error-rate.md',
    stepId: '0a1b2c3d4e5f-1',
    stepText: 'Check the last deploy',
    runbookTitle: 'High error rate',
  };

  it('keeps progress per runbook and step, with who and when', () => {
    const doc = newIncident();
    expect(tickRunbookStep(doc, step, at(4, 'sam'))).toEqual({ changed: true });
    expect(readIncident(doc).runbookSteps).toEqual([
      {
        runbookId: 'checkout/high-error-rate.md',
        stepId: '0a1b2c3d4e5f-1',
        by: 'sam',
        at: '2025-03-04T14:34:00.000Z',
      },
    ]);
    expect(lastEntry(doc)).toMatchObject({
      kind: 'runbook',
      text: 'Runbook step done: High error rate: Check the last deploy',
    });
    expect(tickRunbookStep(doc, step, at(5))).toEqual({ changed: false });
    expect(untickRunbookStep(doc, step, at(6))).toEqual({ changed: true });
    expect(readIncident(doc).runbookSteps).toEqual([]);
    expect(lastEntry(doc)?.text).toBe(
      'Runbook step not done: High error rate: Check the last deploy',
    );
  });

  it('words the step by its ids when no texts are given; refuses a step id with a slash', () => {
    const doc = newIncident();
    tickRunbookStep(doc, { runbookId: 'db/lag.md', stepId: 'abc-1' }, at(1));
    expect(lastEntry(doc)?.text).toBe('Runbook step done: db/lag.md: abc-1');
    expect(
      refusal(() => tickRunbookStep(doc, { runbookId: 'db', stepId: 'a/b' }, at(1))).code,
    ).toBe('invalid');
  });
});
