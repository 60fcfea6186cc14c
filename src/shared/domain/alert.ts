import { z } from 'zod';
import { severitySchema } from './severity';

/** Where an alert stands at its source. */
export const alertStatusSchema = z.enum(['firing', 'suppressed', 'resolved']);

/** Where an alert stands at its source. */
export type AlertStatus = z.infer<typeof alertStatusSchema>;

/** An instant as an ISO 8601 string (UTC), the only way times cross the IPC boundary. */
export const isoTimeSchema = z.iso.datetime({ offset: true });

/** Who acknowledged an alert, when, and where the acknowledgement lives. */
export const alertAckSchema = z.object({
  by: z.string(),
  at: isoTimeSchema,
  via: z.enum(['source', 'local']),
  /** When the acknowledgement lapses at its source (an ack silence's end), if it does. */
  until: isoTimeSchema.optional(),
  /** What the acknowledger wrote. */
  comment: z.string().optional(),
  /** The source's handle on it (an Alertmanager silence id), so it can be undone or extended. */
  ref: z.string().optional(),
});

/** An acknowledgement. */
export type AlertAck = z.infer<typeof alertAckSchema>;

/**
 * A silence that mutes an alert at its source (Alertmanager), whoever made it: amtool, the
 * Alertmanager UI, karma or this app.
 */
export const alertSilenceSchema = z.object({
  id: z.string(),
  createdBy: z.string(),
  comment: z.string(),
  startsAt: isoTimeSchema,
  endsAt: isoTimeSchema,
});

/** A silence muting an alert. */
export type AlertSilence = z.infer<typeof alertSilenceSchema>;

/**
 * An alert from any source, normalised (docs/architecture.md, data).
 * `id` is `<sourceId>:<fingerprint>`, stable across polls, so changes can be diffed.
 */
export const alertSchema = z.object({
  id: z.string().min(1),
  sourceId: z.string().min(1),
  fingerprint: z.string().min(1),
  status: alertStatusSchema,
  severity: severitySchema,
  /** The raw severity label as the source sent it, when there was one. */
  severityLabel: z.string().optional(),
  title: z.string(),
  summary: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  startsAt: isoTimeSchema,
  endsAt: isoTimeSchema.optional(),
  updatedAt: isoTimeSchema.optional(),
  /** Link to the alert at its source (for example the generator URL). */
  url: z.string().optional(),
  ack: alertAckSchema.optional(),
  /** The silences muting it at its source, soonest to end first. */
  silences: z.array(alertSilenceSchema).optional(),
  /** Fingerprints of the alerts inhibiting it at its source. */
  inhibitedBy: z.array(z.string()).optional(),
  /** True when the source sent a severity word the team's mapping does not know. */
  severityUnmapped: z.boolean().optional(),
});

/** A normalised alert. */
export type Alert = z.infer<typeof alertSchema>;

/** Builds the stable id of an alert from its source and fingerprint. */
export function alertId(sourceId: string, fingerprint: string): string {
  return `${sourceId}:${fingerprint}`;
}
