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
});

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
});

/** A normalised alert. */
export type Alert = z.infer<typeof alertSchema>;

/** Builds the stable id of an alert from its source and fingerprint. */
export function alertId(sourceId: string, fingerprint: string): string {
  return `${sourceId}:${fingerprint}`;
}
