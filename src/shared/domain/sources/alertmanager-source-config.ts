import { z } from 'zod';
import { sourceBaseSchema, sourceUrlSchema } from './source-base';

/** Alertmanager's own default address, watched when no source is configured. */
export const DEFAULT_ALERTMANAGER_URL = 'http://127.0.0.1:9093';

/** How long an acknowledgement (a silence) lasts unless the user says otherwise, in minutes. */
export const DEFAULT_ACK_MINUTES = 60;

/**
 * A Prometheus Alertmanager (API v2): polled, and pushed to by its webhook receiver when
 * `push` is on. Acknowledging creates a silence on the alert's exact label set.
 */
export const alertmanagerSourceSchema = sourceBaseSchema.extend({
  kind: z.literal('alertmanager'),
  /** Base URL of the Alertmanager, for example `http://alertmanager:9093`. */
  url: sourceUrlSchema,
  /**
   * The other members of the same HA cluster. Their alerts merge with `url`'s by fingerprint,
   * so one alert shows once; a member that does not answer only matters when all fail.
   */
  peerUrls: z.array(sourceUrlSchema).max(8).default([]),
  /** Minutes an acknowledgement silence lasts. */
  ackMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(DEFAULT_ACK_MINUTES),
  /**
   * Accept pushes from this Alertmanager's webhook receiver (the app's local receiver, with a
   * token). Polling stays on as the safety net.
   */
  push: z.boolean().default(false),
  /** Send a bearer token (kept in the secret store) with every request, e.g. for a proxy. */
  auth: z.enum(['none', 'bearer']).default('none'),
});

/** The settings of one Alertmanager source. */
export type AlertmanagerSourceConfig = z.infer<typeof alertmanagerSourceSchema>;
