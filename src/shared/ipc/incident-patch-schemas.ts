import { z } from 'zod';
import { incidentOpSchema } from '../incident/apply-op';
import { incidentIdSchema, incidentSnapshotSchema, timelineEntrySchema } from '../incident/schema';
import { incidentViewSchema } from './incident-schemas';

/**
 * Which push of an incident a renderer has seen: counts up by one with every durable change of
 * that incident while the app runs (0 before the first), so a renderer that missed one sees the
 * gap and loads the incident again.
 */
export const incidentVersionSchema = z.number().int().min(0);

/**
 * One durable change of an incident, as pushed to the renderer: everything but the timeline
 * whole (small), and of the timeline only the entries added or changed and the ids gone, so a
 * 10,000-entry incident sends one entry for the scribe's next line.
 */
export const incidentPatchSchema = z.object({
  id: incidentIdSchema,
  /** This change's version. */
  version: incidentVersionSchema,
  /** The version it applies on; a renderer at another version loads the incident again. */
  base: incidentVersionSchema,
  /** The incident without its timeline. */
  incident: incidentSnapshotSchema.omit({ timeline: true }),
  /** Present when this incident's record needed repair when it was opened. */
  warning: z.string().optional(),
  timeline: z.object({
    upserted: z.array(timelineEntrySchema),
    removed: z.array(z.string()),
  }),
});

/** One durable change of an incident. */
export type IncidentPatch = z.infer<typeof incidentPatchSchema>;

/** An incident whole, with the version its patches go on from. */
export const versionedIncidentViewSchema = incidentViewSchema.extend({
  version: incidentVersionSchema,
});

/** An incident whole, with its version. */
export type VersionedIncidentView = z.infer<typeof versionedIncidentViewSchema>;

/** Change an incident: the same operations as `incident:apply`. */
export const changeIncidentRequestSchema = z
  .object({ id: incidentIdSchema, op: incidentOpSchema })
  .strict();

/** What a change answers: not the incident (its patch is pushed), only what the caller needs. */
export const changeIncidentResponseSchema = z.object({
  changed: z.boolean(),
  createdId: z.string().optional(),
  /** The incident's version once the change is on disk; a renderer behind it missed a push. */
  version: incidentVersionSchema,
});
