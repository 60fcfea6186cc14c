import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addActionItem, updateActionItem } from '../../../../src/shared/incident/action-item-ops';
import { readIncident } from '../../../../src/shared/incident/read-incident';
import { at, newIncident, refusal } from './incident-fixtures';

describe('addActionItem', () => {
  it('adds an item with owner, due date, priority and status, on the timeline', () => {
    const doc = newIncident();
    const { id } = addActionItem(
      doc,
      { text: 'Alert on pool saturation', owner: 'bob', dueDate: '2025-03-11', priority: 'high' },
      at(40, 'sam'),
    );
    const incident = readIncident(doc);
    expect(incident.actionItems).toEqual([
      {
        id,
        text: 'Alert on pool saturation',
        owner: 'bob',
        dueDate: '2025-03-11',
        priority: 'high',
        status: 'open',
        createdAt: '2025-03-04T15:10:00.000Z',
        createdBy: 'sam',
      },
    ]);
    expect(incident.timeline.at(-1)).toMatchObject({
      kind: 'action',
      auto: true,
      text: 'Action item: Alert on pool saturation (bob, due 2025-03-11)',
    });
  });

  it('defaults to medium priority and open, with no owner or due date', () => {
    const doc = newIncident();
    addActionItem(doc, { text: 'Write the runbook' }, at(1));
    expect(readIncident(doc).actionItems[0]).toMatchObject({ priority: 'medium', status: 'open' });
    expect(readIncident(doc).actionItems[0]).not.toHaveProperty('owner');
  });

  it('refuses bad dates and priorities', () => {
    const doc = newIncident();
    expect(
      refusal(() => addActionItem(doc, { text: 'x', dueDate: '11/03/2025' }, at(1))).code,
    ).toBe('invalid');
    expect(
      refusal(() => addActionItem(doc, { text: 'x', priority: 'urgent' as never }, at(1))).code,
    ).toBe('invalid');
  });
});

describe('updateActionItem', () => {
  it('changes fields one by one; status changes go on the timeline', () => {
    const doc = newIncident();
    const { id } = addActionItem(doc, { text: 'Add pool metric', owner: 'bob' }, at(1));
    expect(updateActionItem(doc, { id, owner: 'carol', dueDate: '2025-03-20' }, at(2))).toEqual({
      changed: true,
    });
    const entries = () => readIncident(doc).timeline.filter((e) => e.kind === 'action').length;
    expect(entries()).toBe(1);
    updateActionItem(doc, { id, status: 'done' }, at(3));
    expect(readIncident(doc).timeline.at(-1)?.text).toBe('Action item done: Add pool metric');
    expect(readIncident(doc).actionItems[0]).toMatchObject({
      owner: 'carol',
      dueDate: '2025-03-20',
      status: 'done',
    });
    updateActionItem(doc, { id, owner: null, dueDate: null }, at(4));
    expect(readIncident(doc).actionItems[0]).not.toHaveProperty('owner');
    expect(readIncident(doc).actionItems[0]).not.toHaveProperty('dueDate');
    expect(updateActionItem(doc, { id, status: 'done' }, at(5))).toEqual({ changed: false });
  });

  it('keeps both of two concurrent changes to different fields', () => {
    const a = newIncident({}, 1);
    const { id } = addActionItem(a, { text: 'Add pool metric' }, at(1));
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateActionItem(a, { id, owner: 'bob' }, at(2));
    updateActionItem(b, { id, status: 'in-progress' }, at(2, 'kim'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readIncident(a).actionItems[0]).toMatchObject({ owner: 'bob', status: 'in-progress' });
    expect(readIncident(b)).toEqual(readIncident(a));
  });

  it('refuses unknown items', () => {
    const doc = newIncident();
    expect(refusal(() => updateActionItem(doc, { id: 'x', status: 'done' }, at(1))).code).toBe(
      'not-found',
    );
  });
});
