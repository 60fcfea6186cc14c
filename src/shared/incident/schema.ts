import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { severitySchema } from '../domain/severity';

/** Version of the document layout written by this code; stored in `meta.schemaVersion`. */
export const INCIDENT_SCHEMA_VERSION = 1;

/**
 * An incident id: also the Yjs document name (Hocuspocus) and the journal's file name, so the
 * same rule as a journal document id: letters, digits, `.`, `_`, `-`, not starting with a dot.
 */
export const incidentIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, {
  error: 'use letters, digits, ".", "_" or "-" (at most 200), starting with a letter or digit',
});

/** Who did something: a person's name or handle as the team knows them. */
export const actorSchema = z.string().trim().min(1).max(200);

/** Where the incident stands, in lifecycle order. */
export const incidentStatusSchema = z.enum(['investigating', 'mitigated', 'resolved', 'closed']);

/** Where the incident stands. */
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

/** Every status in lifecycle order: moving right is progress, moving left is reopening. */
export const INCIDENT_STATUSES: readonly IncidentStatus[] = incidentStatusSchema.options;

/** What a timeline entry records. */
export const timelineKindSchema = z.enum([
  'alert',
  'declared',
  'severity',
  'role',
  'check',
  'runbook',
  'update',
  'status',
  'note',
  'decision',
  'action',
  'hypothesis',
  'mitigation',
]);

/** What a timeline entry records. */
export type TimelineKind = z.infer<typeof timelineKindSchema>;

/**
 * The kinds a scribe writes by hand; the others are written by the operations themselves
 * (declaring, severity and role changes, ticks, status updates, lifecycle).
 */
export const manualTimelineKindSchema = z.enum([
  'note',
  'decision',
  'action',
  'hypothesis',
  'mitigation',
]);

/** A kind a scribe writes by hand. */
export type ManualTimelineKind = z.infer<typeof manualTimelineKindSchema>;

/** Longest timeline entry, status update or action item text. */
export const MAX_TEXT_LENGTH = 10_000;

/** Free text written by a person: trimmed, not empty. */
export const entryTextSchema = z.string().trim().min(1).max(MAX_TEXT_LENGTH);

/** Longest incident title. */
export const MAX_TITLE_LENGTH = 200;

/** A title: trimmed, not empty. */
export const titleSchema = z.string().trim().min(1).max(MAX_TITLE_LENGTH);

/** A service name in the affected-services list. */
export const serviceNameSchema = z.string().trim().min(1).max(200);

/** Who or what is affected, in words a customer understands. */
export const impactSchema = z.string().trim().max(2000);

/** A chat channel name as the team writes it (`#inc-…`). */
export const channelSchema = z.string().trim().min(1).max(80);

/** A time as typed by a person (`14:23`, `2025-03-04 14:23`) or an ISO instant. */
export const typedTimeSchema = z.string().trim().min(1).max(64);

/** Who ticked something, and when. */
export const tickSchema = z.object({ by: actorSchema, at: isoTimeSchema });

/** Who ticked something, and when. */
export type Tick = z.infer<typeof tickSchema>;

/** One timeline entry as the UI reads it: the current text, event time and kind. */
export const timelineEntrySchema = z.object({
  id: z.string().min(1),
  /** When it happened (event time), ISO 8601. */
  at: isoTimeSchema,
  kind: timelineKindSchema,
  text: z.string(),
  /** Who wrote it first; edits never change it. */
  author: actorSchema,
  /** Written by an operation rather than typed by a person. */
  auto: z.boolean(),
  /** When it was written. */
  createdAt: isoTimeSchema,
  /** When it was last edited, and by whom. */
  editedAt: isoTimeSchema.optional(),
  editedBy: actorSchema.optional(),
  /** What it said before any edit, present once it has been edited. */
  original: z.object({ at: isoTimeSchema, kind: timelineKindSchema, text: z.string() }).optional(),
  /** Present while the entry is struck out: who struck it and when. */
  struck: z.object({ at: isoTimeSchema, by: actorSchema }).optional(),
  /** Every strike and restore, oldest first; present once the entry was ever struck. */
  strikes: z
    .array(z.object({ struck: z.boolean(), at: isoTimeSchema, by: actorSchema }))
    .optional(),
});

/** One timeline entry. */
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** One checklist item and whether it is done. */
export const checklistItemStateSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  /** The severities it applies to; absent: all. */
  severities: z.array(severitySchema).optional(),
  /** Whether it applies at the incident's current severity. */
  required: z.boolean(),
  done: tickSchema.optional(),
});

/** One checklist item and whether it is done. */
export type ChecklistItemState = z.infer<typeof checklistItemStateSchema>;

/** A role on the incident, who holds it, and its checklist. */
export const roleStateSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  holder: actorSchema.optional(),
  assignedAt: isoTimeSchema.optional(),
  assignedBy: actorSchema.optional(),
  checklist: z.array(checklistItemStateSchema),
});

/** A role on the incident. */
export type RoleState = z.infer<typeof roleStateSchema>;

/** A ticked runbook step. */
export const runbookStepDoneSchema = z.object({
  runbookId: z.string().min(1),
  stepId: z.string().min(1),
  by: actorSchema,
  at: isoTimeSchema,
});

/** A ticked runbook step. */
export type RunbookStepDone = z.infer<typeof runbookStepDoneSchema>;

/** Priority of an action item. */
export const actionItemPrioritySchema = z.enum(['high', 'medium', 'low']);

/** Where an action item stands. */
export const actionItemStatusSchema = z.enum(['open', 'in-progress', 'done']);

/** A due date: a calendar day, `YYYY-MM-DD`. */
export const dueDateSchema = z.iso.date();

/** Follow-up work that came out of the incident. */
export const actionItemSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  owner: actorSchema.optional(),
  dueDate: dueDateSchema.optional(),
  priority: actionItemPrioritySchema,
  status: actionItemStatusSchema,
  createdAt: isoTimeSchema,
  createdBy: actorSchema,
});

/** An action item. */
export type ActionItem = z.infer<typeof actionItemSchema>;

/** What the incident keeps of an alert it was declared from. */
export const sourceAlertSnapshotSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  severity: severitySchema,
  labels: z.record(z.string(), z.string()),
  startsAt: isoTimeSchema,
  /**
   * The last change of the alert the incident recorded (resolved, suppressed at its source, or fired again), when there was
   * one: what the incident knows of it even once its source no longer lists it.
   */
  recorded: z
    .object({ state: z.enum(['fired', 'resolved', 'suppressed']), at: isoTimeSchema })
    .optional(),
});

/** What the incident keeps of an alert it was declared from. */
export type SourceAlertSnapshot = z.infer<typeof sourceAlertSnapshotSchema>;

/** The times that can be corrected by hand, in lifecycle order. */
export const incidentTimeFieldSchema = z.enum([
  'detectedAt',
  'acknowledgedAt',
  'declaredAt',
  'mitigatedAt',
  'resolvedAt',
  'closedAt',
]);

/** One of the incident's milestone times. */
export type IncidentTimeField = z.infer<typeof incidentTimeFieldSchema>;

/** The incident's milestone times (ISO 8601); each absent until it happens. */
export const incidentTimesSchema = z.object({
  detectedAt: isoTimeSchema.optional(),
  acknowledgedAt: isoTimeSchema.optional(),
  declaredAt: isoTimeSchema.optional(),
  mitigatedAt: isoTimeSchema.optional(),
  resolvedAt: isoTimeSchema.optional(),
  closedAt: isoTimeSchema.optional(),
});

/** The incident's milestone times. */
export type IncidentTimes = z.infer<typeof incidentTimesSchema>;

/** The closure checklist and whether the incident may be closed. */
export const closureStateSchema = z.object({
  items: z.array(checklistItemStateSchema),
  /** Ids of required items not yet ticked. */
  missing: z.array(z.string()),
  complete: z.boolean(),
});

/** The closure checklist and whether the incident may be closed. */
export type ClosureState = z.infer<typeof closureStateSchema>;

/**
 * The incident as the UI reads it: a plain object, the same on every peer that has the same
 * updates. The timeline is sorted by event time, then by when entries were written, then by id.
 */
export const incidentSnapshotSchema = z.object({
  schemaVersion: z.number().int().positive(),
  id: incidentIdSchema,
  title: z.string(),
  severity: severitySchema,
  status: incidentStatusSchema,
  impact: z.string(),
  affectedServices: z.array(z.string()),
  /** Suggested chat channel, `#inc-YYYYMMDD-short-title`. */
  channel: z.string(),
  times: incidentTimesSchema,
  sourceAlerts: z.array(sourceAlertSnapshotSchema),
  /** Minutes between status updates; `null`: none scheduled. */
  statusCadenceMinutes: z.number().int().positive().nullable(),
  nextUpdateDueAt: isoTimeSchema.optional(),
  lastUpdateAt: isoTimeSchema.optional(),
  roles: z.array(roleStateSchema),
  closure: closureStateSchema,
  /** Ticked runbook steps, sorted by runbook then step. */
  runbookSteps: z.array(runbookStepDoneSchema),
  actionItems: z.array(actionItemSchema),
  timeline: z.array(timelineEntrySchema),
  createdAt: isoTimeSchema,
  createdBy: actorSchema,
  /**
   * Parts of the document that could not be read (written by a newer or broken peer): skipped,
   * one line each, so the rest of the incident still shows.
   */
  problems: z.array(z.string()),
});

/** The incident as the UI reads it. */
export type IncidentSnapshot = z.infer<typeof incidentSnapshotSchema>;
