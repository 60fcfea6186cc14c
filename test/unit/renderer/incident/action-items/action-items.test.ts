import { describe, expect, it } from 'vitest';
import {
  actionItemsSummary,
  dueText,
  EMPTY_ACTION_ITEM_FORM,
  isOverdue,
  readActionItemForm,
  sortActionItems,
  todayIn,
} from '../../../../../src/renderer/features/incident/action-items/action-items';
import type { ActionItem } from '../../../../../src/shared/incident/schema';
import { incidentAfter } from '../incident-snapshot';

const TODAY = '2025-03-10';

function item(text: string, extra: Partial<ActionItem> = {}): ActionItem {
  return {
    id: text,
    text,
    priority: 'medium',
    status: 'open',
    createdAt: '2025-03-04T15:00:00.000Z',
    createdBy: 'alice',
    ...extra,
  };
}

describe('action item due dates', () => {
  it('says how far off or how late a due date is, relative to today', () => {
    expect(dueText(item('a', { dueDate: '2025-03-10' }), TODAY)).toEqual({
      tone: 'today',
      text: 'due today',
    });
    expect(dueText(item('a', { dueDate: '2025-03-11' }), TODAY).text).toBe('due tomorrow');
    expect(dueText(item('a', { dueDate: '2025-03-14' }), TODAY).text).toBe('due in 4 days');
    expect(dueText(item('a', { dueDate: '2025-03-09' }), TODAY)).toEqual({
      tone: 'overdue',
      text: 'overdue by 1 day',
    });
    expect(dueText(item('a', { dueDate: '2025-02-28' }), TODAY).text).toBe('overdue by 10 days');
    expect(dueText(item('a'), TODAY)).toEqual({ tone: 'none', text: 'no due date' });
  });

  it('never calls a done item overdue', () => {
    const done = item('a', { dueDate: '2025-03-01', status: 'done' });
    expect(isOverdue(done, TODAY)).toBe(false);
    expect(dueText(done, TODAY).text).toBe('was due 2025-03-01');
  });

  it('turns the day at midnight in the zone times are shown in, not in UTC', () => {
    // 23:30 UTC on the 9th is already the 10th in Berlin.
    const now = Date.parse('2025-03-09T23:30:00.000Z');
    expect(todayIn(now, 'UTC')).toBe('2025-03-09');
    expect(todayIn(now, 'Europe/Berlin')).toBe('2025-03-10');
  });
});

describe('the action item list', () => {
  it('puts overdue work first, then by priority and due date, and done work last', () => {
    const items = [
      item('done high', { priority: 'high', status: 'done' }),
      item('low soon', { priority: 'low', dueDate: '2025-03-11' }),
      item('medium later', { dueDate: '2025-03-20' }),
      item('medium no date'),
      item('medium sooner', { dueDate: '2025-03-12' }),
      item('low overdue', { priority: 'low', dueDate: '2025-03-08' }),
      item('high in progress', { priority: 'high', status: 'in-progress' }),
    ];
    expect(sortActionItems(items, TODAY).map((i) => i.text)).toEqual([
      'low overdue',
      'high in progress',
      'medium sooner',
      'medium later',
      'medium no date',
      'low soon',
      'done high',
    ]);
  });

  it('keeps the order they were added in when nothing else tells them apart', () => {
    const items = [
      item('second', { createdAt: '2025-03-04T15:05:00.000Z' }),
      item('first', { createdAt: '2025-03-04T15:01:00.000Z' }),
    ];
    expect(sortActionItems(items, TODAY).map((i) => i.text)).toEqual(['first', 'second']);
  });

  it('sums up what is open and late for the heading', () => {
    expect(actionItemsSummary([], TODAY)).toBe('none yet');
    expect(
      actionItemsSummary(
        [item('a', { dueDate: '2025-03-01' }), item('b'), item('c', { status: 'done' })],
        TODAY,
      ),
    ).toBe('2 open, 1 overdue');
    expect(actionItemsSummary([item('c', { status: 'done' })], TODAY)).toBe('all 1 done');
  });

  it('reads items added by the real operation', () => {
    const incident = incidentAfter([
      {
        minutes: 5,
        op: {
          type: 'action-item.add',
          args: { text: 'Add a pool alert', owner: 'bob', dueDate: '2025-03-03', priority: 'high' },
        },
      },
    ]);
    const [added] = sortActionItems(incident.actionItems, '2025-03-04');
    expect(added).toMatchObject({ text: 'Add a pool alert', owner: 'bob', priority: 'high' });
    expect(dueText(added!, '2025-03-04').text).toBe('overdue by 1 day');
  });
});

describe('the add form', () => {
  it('sends only what was filled in, trimmed', () => {
    expect(
      readActionItemForm({ ...EMPTY_ACTION_ITEM_FORM, text: '  Add a pool alert ', owner: ' ' }),
    ).toEqual({ ok: true, args: { text: 'Add a pool alert', priority: 'medium' } });
    expect(
      readActionItemForm({
        text: 'Fix it',
        owner: 'bob',
        dueDate: '2025-03-12',
        priority: 'high',
      }),
    ).toEqual({
      ok: true,
      args: { text: 'Fix it', owner: 'bob', dueDate: '2025-03-12', priority: 'high' },
    });
  });

  it('says what to fix when the text is missing or the date unusable', () => {
    expect(readActionItemForm({ ...EMPTY_ACTION_ITEM_FORM, text: '  ' })).toEqual({
      ok: false,
      error: 'Say what needs doing.',
    });
    expect(
      readActionItemForm({ ...EMPTY_ACTION_ITEM_FORM, text: 'x', dueDate: '12/03/2025' }),
    ).toEqual({ ok: false, error: 'Give the due date as YYYY-MM-DD, or leave it empty.' });
  });
});
