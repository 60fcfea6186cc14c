import * as Y from 'yjs';
import { z } from 'zod';
import { ACTION_ITEM, newItemId } from './doc-layout';
import { IncidentOpError } from './errors';
import {
  appendEntry,
  parseArgs,
  requireIncident,
  resolveContext,
  transact,
  type Changed,
  type OpContext,
} from './op-context';
import {
  actionItemPrioritySchema,
  actionItemStatusSchema,
  actorSchema,
  dueDateSchema,
  entryTextSchema,
} from './schema';

/** Arguments of {@link addActionItem}. Priority defaults to medium, status to open. */
export const addActionItemArgsSchema = z
  .object({
    text: entryTextSchema,
    owner: actorSchema.optional(),
    dueDate: dueDateSchema.optional(),
    priority: actionItemPrioritySchema.default('medium'),
    status: actionItemStatusSchema.default('open'),
  })
  .strict();

/** Arguments of {@link addActionItem}. */
export type AddActionItemArgs = z.input<typeof addActionItemArgsSchema>;

/**
 * Arguments of {@link updateActionItem}: the item and the fields to change; `owner: null` or
 * `dueDate: null` clears them.
 */
export const updateActionItemArgsSchema = z
  .object({
    id: z.string().min(1).max(100),
    text: entryTextSchema.optional(),
    owner: actorSchema.nullable().optional(),
    dueDate: dueDateSchema.nullable().optional(),
    priority: actionItemPrioritySchema.optional(),
    status: actionItemStatusSchema.optional(),
  })
  .strict();

/** Arguments of {@link updateActionItem}. */
export type UpdateActionItemArgs = z.input<typeof updateActionItemArgsSchema>;

const STATUS_WORD: Record<z.infer<typeof actionItemStatusSchema>, string> = {
  open: 'reopened',
  'in-progress': 'in progress',
  done: 'done',
};

function describe(text: string, owner?: string, dueDate?: string): string {
  const extra = [owner, dueDate && `due ${dueDate}`].filter(Boolean).join(', ');
  return extra === '' ? text : `${text} (${extra})`;
}

/**
 * Add follow-up work that came out of the incident, recorded on the timeline.
 * @param doc - the incident's document
 * @param args - text, owner, due date, priority, status
 * @param ctx - who adds it and when
 * @returns the new item's id
 */
export function addActionItem(doc: Y.Doc, args: AddActionItemArgs, ctx: OpContext): { id: string } {
  const c = resolveContext(ctx);
  const a = parseArgs(addActionItemArgsSchema, args, 'addActionItem');
  const types = requireIncident(doc);
  return transact(doc, c, () => {
    const id = newItemId(doc);
    const item = new Y.Map<unknown>();
    item.set(ACTION_ITEM.id, id);
    item.set(ACTION_ITEM.text, a.text);
    if (a.owner !== undefined) item.set(ACTION_ITEM.owner, a.owner);
    if (a.dueDate !== undefined) item.set(ACTION_ITEM.dueDate, a.dueDate);
    item.set(ACTION_ITEM.priority, a.priority);
    item.set(ACTION_ITEM.status, a.status);
    item.set(ACTION_ITEM.createdAt, c.nowIso);
    item.set(ACTION_ITEM.createdBy, c.actor);
    types.actionItems.push([item]);
    appendEntry(
      doc,
      types,
      {
        at: c.nowIso,
        kind: 'action',
        text: `Action item: ${describe(a.text, a.owner, a.dueDate)}`,
        auto: true,
      },
      c,
    );
    return { id };
  });
}

/**
 * Change an action item. Each field is written on its own, so two people changing different
 * fields at once both keep their change. A change of status is recorded on the timeline.
 * @param doc - the incident's document
 * @param args - the item's id and the fields to change
 * @param ctx - who changes it and when
 */
export function updateActionItem(doc: Y.Doc, args: UpdateActionItemArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(updateActionItemArgsSchema, args, 'updateActionItem');
  const types = requireIncident(doc);
  const item = types.actionItems
    .toArray()
    .find((raw): raw is Y.Map<unknown> => raw instanceof Y.Map && raw.get(ACTION_ITEM.id) === a.id);
  if (item === undefined) {
    throw new IncidentOpError('not-found', `This incident has no action item "${a.id}".`);
  }
  const writes: [string, string | null][] = [];
  for (const key of ['text', 'owner', 'dueDate', 'priority', 'status'] as const) {
    const value = a[key];
    if (value === undefined) continue;
    if ((item.get(ACTION_ITEM[key]) ?? null) !== value) writes.push([ACTION_ITEM[key], value]);
  }
  if (writes.length === 0) return { changed: false };
  const text = String(a.text ?? item.get(ACTION_ITEM.text) ?? '');
  return transact(doc, c, () => {
    for (const [key, value] of writes) {
      if (value === null) item.delete(key);
      else item.set(key, value);
    }
    if (a.status !== undefined && writes.some(([key]) => key === ACTION_ITEM.status)) {
      appendEntry(
        doc,
        types,
        {
          at: c.nowIso,
          kind: 'action',
          text: `Action item ${STATUS_WORD[a.status]}: ${text}`,
          auto: true,
        },
        c,
      );
    }
    return { changed: true };
  });
}
