import * as Y from 'yjs';

/*
 * Where things live in an incident's Y.Doc. Every shared type is a root type, so two peers that
 * open the same document always agree on them without any of them being created first.
 *
 * | root            | type                  | holds                                                |
 * | --------------- | --------------------- | ---------------------------------------------------- |
 * | `meta`          | Y.Map                 | {@link META}: title, severity, status, times, …       |
 * | `roles`         | Y.Map                 | roleId → `{ name, order, holder?, assignedAt?, … }`  |
 * | `checklists`    | Y.Map of Y.Array      | roleId → `[{ id, text, severities? }]`               |
 * | `closure`       | Y.Array               | `[{ id, text, severities? }]`                        |
 * | `checks`        | Y.Map                 | itemId → `{ by, at }` while ticked                   |
 * | `runbookSteps`  | Y.Map                 | `runbookId/stepId` → `{ runbookId, stepId, by, at }` |
 * | `actionItems`   | Y.Array of Y.Map      | {@link ACTION_ITEM} fields                           |
 * | `timeline`      | Y.Array of Y.Map      | {@link ENTRY} fields                                 |
 * | `alertStates`   | Y.Map                 | alertId → `{ state, at }` of a source alert, as last recorded |
 * | `attachedAlerts`| Y.Map                 | alertId → alert snapshot, for alerts added after the declaration |
 *
 * Values that change together are written as one plain object (a role's holder with who assigned
 * it, a tick's author with its time), so a concurrent write replaces the whole object and never
 * mixes halves of two. Timeline edits are kept per field (`edit.text`, `edit.at`, `edit.kind`),
 * each with its own author and time, so one person fixing the time and another fixing the text
 * of the same entry both keep their change.
 */

/** Names of the document's root types. */
export const ROOT = {
  meta: 'meta',
  roles: 'roles',
  checklists: 'checklists',
  closure: 'closure',
  checks: 'checks',
  runbookSteps: 'runbookSteps',
  actionItems: 'actionItems',
  timeline: 'timeline',
  alertStates: 'alertStates',
  attachedAlerts: 'attachedAlerts',
} as const;

/** Keys of the `meta` map. `affectedServices` is a Y.Array of strings; the rest are plain. */
export const META = {
  schemaVersion: 'schemaVersion',
  id: 'id',
  title: 'title',
  severity: 'severity',
  status: 'status',
  impact: 'impact',
  affectedServices: 'affectedServices',
  channel: 'channel',
  detectedAt: 'detectedAt',
  acknowledgedAt: 'acknowledgedAt',
  declaredAt: 'declaredAt',
  mitigatedAt: 'mitigatedAt',
  resolvedAt: 'resolvedAt',
  closedAt: 'closedAt',
  sourceAlerts: 'sourceAlerts',
  statusCadenceMinutes: 'statusCadenceMinutes',
  /** The cadence for each severity, copied from the defaults when the incident was created. */
  cadenceBySeverity: 'cadenceBySeverity',
  nextUpdateDueAt: 'nextUpdateDueAt',
  lastUpdateAt: 'lastUpdateAt',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
} as const;

/** Keys of a timeline entry's Y.Map. The first seven never change after the entry is written. */
export const ENTRY = {
  id: 'id',
  at: 'at',
  kind: 'kind',
  text: 'text',
  author: 'author',
  auto: 'auto',
  createdAt: 'createdAt',
  /** `{ value, editedAt, editedBy }`: the latest edit of the text. */
  editText: 'edit.text',
  /** `{ value, editedAt, editedBy }`: the latest edit of the event time. */
  editAt: 'edit.at',
  /** `{ value, editedAt, editedBy }`: the latest edit of the kind. */
  editKind: 'edit.kind',
  /**
   * Prefix of the strike log: each strike or restore is its own key (`strike:<at>:<by>`) holding
   * a {@link StoredStrike}, so concurrent strikes and restores are all kept; the latest one wins.
   */
  strikePrefix: 'strike:',
} as const;

/** Keys of an action item's Y.Map; each field is written on its own. */
export const ACTION_ITEM = {
  id: 'id',
  text: 'text',
  owner: 'owner',
  dueDate: 'dueDate',
  priority: 'priority',
  status: 'status',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
} as const;

/** A role as stored in the `roles` map. */
export interface StoredRole {
  name: string;
  /** Position in the role list; roles added later come after. */
  order: number;
  holder?: string;
  assignedAt?: string;
  assignedBy?: string;
}

/** A checklist item as stored (in `checklists` and `closure`). */
export interface StoredChecklistItem {
  id: string;
  text: string;
  severities?: string[];
}

/** One field edit of a timeline entry, as stored. */
export interface StoredEdit {
  value: string;
  editedAt: string;
  editedBy: string;
}

/** One strike or restore of a timeline entry, as stored. */
export interface StoredStrike {
  struck: boolean;
  at: string;
  by: string;
}

/** The root types of an incident document, typed loosely: readers check every value. */
export interface IncidentTypes {
  meta: Y.Map<unknown>;
  roles: Y.Map<unknown>;
  checklists: Y.Map<unknown>;
  closure: Y.Array<unknown>;
  checks: Y.Map<unknown>;
  runbookSteps: Y.Map<unknown>;
  actionItems: Y.Array<unknown>;
  timeline: Y.Array<unknown>;
  alertStates: Y.Map<unknown>;
  attachedAlerts: Y.Map<unknown>;
}

/**
 * The root types of an incident document. Getting them writes nothing.
 * @param doc - the incident's document
 */
export function incidentTypes(doc: Y.Doc): IncidentTypes {
  return {
    meta: doc.getMap(ROOT.meta),
    roles: doc.getMap(ROOT.roles),
    checklists: doc.getMap(ROOT.checklists),
    closure: doc.getArray(ROOT.closure),
    checks: doc.getMap(ROOT.checks),
    runbookSteps: doc.getMap(ROOT.runbookSteps),
    actionItems: doc.getArray(ROOT.actionItems),
    timeline: doc.getArray(ROOT.timeline),
    alertStates: doc.getMap(ROOT.alertStates),
    attachedAlerts: doc.getMap(ROOT.attachedAlerts),
  };
}

/**
 * The key of a runbook step in `runbookSteps`. Runbook ids are folder paths and may hold `/`;
 * step ids never do, so the last `/` separates them.
 * @param runbookId - the runbook's id (its path in the runbook folder)
 * @param stepId - the step's stable id
 */
export function runbookStepKey(runbookId: string, stepId: string): string {
  return `${runbookId}/${stepId}`;
}

const issued = new WeakMap<Y.Doc, number>();

/**
 * A new id for something written to this document (a timeline entry, an action item), unique
 * across peers without coordination: this peer's Yjs client id plus a number at or above its
 * next Yjs clock. Every id is used by a write in the same transaction, which moves the clock past
 * it, so ids stay unique even if a peer reuses its client id after reloading the document.
 * @param doc - the incident's document
 */
export function newItemId(doc: Y.Doc): string {
  const clock = Y.getState(doc.store, doc.clientID);
  const next = Math.max(clock, (issued.get(doc) ?? -1) + 1);
  issued.set(doc, next);
  return `${doc.clientID.toString(36)}-${next.toString(36)}`;
}
