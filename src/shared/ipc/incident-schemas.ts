import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { severitySchema } from '../domain/severity';
import {
  channelSchema,
  impactSchema,
  incidentIdSchema,
  incidentSnapshotSchema,
  incidentStatusSchema,
  serviceNameSchema,
  titleSchema,
  typedTimeSchema,
} from '../incident/schema';

/** One incident in the list: enough to pick it, sort it and see whether an update is due. */
export const incidentSummarySchema = z.object({
  id: incidentIdSchema,
  title: z.string(),
  severity: severitySchema,
  status: incidentStatusSchema,
  channel: z.string(),
  declaredAt: isoTimeSchema.optional(),
  closedAt: isoTimeSchema.optional(),
  nextUpdateDueAt: isoTimeSchema.optional(),
  /** Who holds the Incident Commander role, if anyone. */
  commander: z.string().optional(),
  /** Present when this incident's record needed repair when it was opened. */
  warning: z.string().optional(),
});

/** One incident in the list. */
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

/**
 * Something wrong with an incident's record on disk that the app repaired or worked around: a
 * torn or damaged tail kept aside in a quarantine file, or a record it could not open at all.
 * Listed until the user dismisses it or the app restarts (a problem still on disk is then found
 * again); dismissing only hides the notice, and nothing is ever deleted.
 */
export const incidentStoreProblemSchema = z.object({
  /**
   * Names this problem for `incidents:dismissProblem`: stable while the app runs (the incident,
   * the kind of problem and when it was found), never reused for another problem.
   */
  id: z.string().min(1),
  /** The incident (its file name), when known. */
  incidentId: z.string(),
  /** One sentence: what happened and what the user can do. */
  message: z.string(),
  /** Where the damaged bytes were kept, so nothing is lost. */
  keptAs: z.string().optional(),
  /** True when the incident could not be opened at all (left untouched on disk). */
  unreadable: z.boolean(),
  at: isoTimeSchema,
});

/** A problem with an incident's record on disk. */
export type IncidentStoreProblem = z.infer<typeof incidentStoreProblemSchema>;

/** Hide one problem from the list: `id` is the problem's own id, not the incident's. */
export const dismissProblemRequestSchema = z.object({ id: z.string().min(1).max(1024) }).strict();

/** Hide one problem from the list. */
export type DismissProblemRequest = z.input<typeof dismissProblemRequestSchema>;

/** Every incident, open ones first (worst, then newest), then closed ones newest first. */
export const incidentListSchema = z.object({
  incidents: z.array(incidentSummarySchema),
  problems: z.array(incidentStoreProblemSchema),
});

/** The incident list. */
export type IncidentList = z.infer<typeof incidentListSchema>;

/**
 * Declare an incident: from the alerts with these ids (their labels, start and acknowledgement
 * times are carried in; title and severity derived unless given), or from scratch with a title
 * and a severity. The id is chosen by the app.
 */
export const declareIncidentRequestSchema = z
  .object({
    alertIds: z.array(z.string().min(1).max(1024)).max(500).optional(),
    title: titleSchema.optional(),
    severity: severitySchema.optional(),
    impact: impactSchema.optional(),
    affectedServices: z.array(serviceNameSchema).max(100).optional(),
    channel: channelSchema.optional(),
    /** Typed (`14:05`) or ISO; the first alert's start time when left out. */
    detectedAt: typedTimeSchema.optional(),
    acknowledgedAt: typedTimeSchema.optional(),
  })
  .strict()
  .refine(
    (r) => (r.alertIds?.length ?? 0) > 0 || (r.title !== undefined && r.severity !== undefined),
    { error: 'give a title and a severity, or the alerts the incident is declared from' },
  );

/** Declare an incident. */
export type DeclareIncidentRequest = z.input<typeof declareIncidentRequestSchema>;

/** An incident as the renderer reads it. */
export const incidentViewSchema = z.object({
  incident: incidentSnapshotSchema,
  /** Present when this incident's record needed repair when it was opened. */
  warning: z.string().optional(),
});

/** An incident as the renderer reads it. */
export type IncidentView = z.infer<typeof incidentViewSchema>;
