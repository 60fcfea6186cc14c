import type { AddActionItemArgs } from '../../../../shared/incident/action-item-ops';
import { resolveTimeZone, wallDate } from '../../../../shared/incident/event-time';
import type { ActionItem } from '../../../../shared/incident/schema';

type Priority = ActionItem['priority'];
type Status = ActionItem['status'];

/** Priorities, most urgent first, as the pickers offer them. */
export const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low'];

/** Statuses in the order work goes through them. */
export const ACTION_STATUSES: readonly Status[] = ['open', 'in-progress', 'done'];

/** Priority words. */
export const PRIORITY_WORDS: Readonly<Record<Priority, string>> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Status words. */
export const ACTION_STATUS_WORDS: Readonly<Record<Status, string>> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
};

const DAY_MS = 86_400_000;

/**
 * Today's date (`YYYY-MM-DD`) in the zone incident times are shown in: due dates are calendar
 * days, so "overdue" turns at that zone's midnight, not UTC's.
 * @param nowMs - the current moment
 * @param zoneSpec - an IANA zone (falls back to UTC)
 */
export function todayIn(nowMs: number, zoneSpec: string): string {
  const zone = resolveTimeZone(zoneSpec) ?? resolveTimeZone('UTC');
  return zone === undefined ? new Date(nowMs).toISOString().slice(0, 10) : wallDate(nowMs, zone);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** An item's due date as the list shows it. */
export interface DueText {
  tone: 'none' | 'ok' | 'today' | 'overdue';
  text: string;
}

/**
 * The due date in words relative to today: `due today`, `due in 3 days`, `overdue by 2 days`.
 * Done items are never overdue.
 * @param item - the action item
 * @param today - today, `YYYY-MM-DD` (see {@link todayIn})
 */
export function dueText(item: Pick<ActionItem, 'dueDate' | 'status'>, today: string): DueText {
  if (item.dueDate === undefined) return { tone: 'none', text: 'no due date' };
  const days = daysBetween(today, item.dueDate);
  if (item.status === 'done') return { tone: 'ok', text: `was due ${item.dueDate}` };
  if (days < 0) {
    return { tone: 'overdue', text: `overdue by ${-days} ${-days === 1 ? 'day' : 'days'}` };
  }
  if (days === 0) return { tone: 'today', text: 'due today' };
  if (days === 1) return { tone: 'ok', text: 'due tomorrow' };
  return { tone: 'ok', text: `due in ${days} days` };
}

/**
 * True when the item is not done and its due date has passed.
 * @param item - the action item
 * @param today - today, `YYYY-MM-DD`
 */
export function isOverdue(item: Pick<ActionItem, 'dueDate' | 'status'>, today: string): boolean {
  return dueText(item, today).tone === 'overdue';
}

/**
 * The list's order, most pressing first: unfinished before done, overdue first, then by
 * priority, then by due date (none last), then in the order they were added.
 * @param items - the incident's action items
 * @param today - today, `YYYY-MM-DD`
 */
export function sortActionItems(items: readonly ActionItem[], today: string): ActionItem[] {
  const rank = (item: ActionItem): number[] => [
    item.status === 'done' ? 1 : 0,
    isOverdue(item, today) ? 0 : 1,
    item.status === 'done' ? 0 : PRIORITIES.indexOf(item.priority),
    item.dueDate === undefined ? Infinity : Date.parse(`${item.dueDate}T00:00:00Z`),
    Date.parse(item.createdAt),
  ];
  return items
    .map((item) => ({ item, key: rank(item) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const d = (a.key[i] ?? 0) - (b.key[i] ?? 0);
        if (d !== 0 && !Number.isNaN(d)) return d;
      }
      return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
    })
    .map(({ item }) => item);
}

/**
 * How many are still open and how many of those are late, for the panel's heading.
 * @param items - the incident's action items
 * @param today - today, `YYYY-MM-DD`
 */
export function actionItemsSummary(items: readonly ActionItem[], today: string): string {
  if (items.length === 0) return 'none yet';
  const open = items.filter((item) => item.status !== 'done');
  const late = open.filter((item) => isOverdue(item, today)).length;
  if (open.length === 0) return `all ${items.length} done`;
  return `${open.length} open${late > 0 ? `, ${late} overdue` : ''}`;
}

/** The add form's fields, as typed. */
export interface ActionItemForm {
  text: string;
  owner: string;
  dueDate: string;
  priority: Priority;
}

/** An empty add form. */
export const EMPTY_ACTION_ITEM_FORM: ActionItemForm = {
  text: '',
  owner: '',
  dueDate: '',
  priority: 'medium',
};

/**
 * The add form as `action-item.add` arguments, or what to fix first.
 * @param form - the fields as typed
 */
export function readActionItemForm(
  form: ActionItemForm,
): { ok: true; args: AddActionItemArgs } | { ok: false; error: string } {
  const text = form.text.trim();
  if (text === '') return { ok: false, error: 'Say what needs doing.' };
  const args: AddActionItemArgs = { text, priority: form.priority };
  const owner = form.owner.trim();
  if (owner !== '') args.owner = owner;
  const due = form.dueDate.trim();
  if (due !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(`${due}T00:00:00Z`))) {
      return { ok: false, error: 'Give the due date as YYYY-MM-DD, or leave it empty.' };
    }
    args.dueDate = due;
  }
  return { ok: true, args };
}
