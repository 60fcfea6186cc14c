import { z } from 'zod';
import { isoTimeSchema } from './alert';

/** Alertmanager's own default address, watched when no source is configured. */
export const DEFAULT_ALERTMANAGER_URL = 'http://127.0.0.1:9093';

/** Default poll interval in seconds. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 15;

/** Default time a poll may take before it counts as failed, in seconds. */
export const DEFAULT_POLL_TIMEOUT_SECONDS = 10;

/** The settings of one Prometheus Alertmanager source (API v2, polled). */
export const alertmanagerSourceSchema = z.object({
  kind: z.literal('alertmanager'),
  /** Stable id, used in alert ids; letters, digits, `-` and `_`. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1–64 letters, digits, "-" or "_"'),
  /** Name shown in the app. */
  name: z.string().min(1).max(100),
  /** Base URL of the Alertmanager, for example `http://alertmanager:9093`. */
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    // A password in the URL would sit in settings.json in plain text; secrets never go there.
    .refine((u) => !/^https?:\/\/[^/]*@/i.test(u), {
      message: 'must not contain a user name or password; credentials are not stored in settings',
    })
    .transform((u) => u.replace(/\/+$/, '')),
  /** Seconds between polls. */
  intervalSeconds: z.number().int().min(2).max(3600).default(DEFAULT_POLL_INTERVAL_SECONDS),
  /** Seconds a poll may take before it counts as failed. */
  timeoutSeconds: z.number().int().min(1).max(120).default(DEFAULT_POLL_TIMEOUT_SECONDS),
  /** When false the source is kept but not polled. */
  enabled: z.boolean().default(true),
});

/** The settings of one Alertmanager source. */
export type AlertmanagerSourceConfig = z.infer<typeof alertmanagerSourceSchema>;

/** Any alert source the app can watch (more kinds join this union). */
export const sourceConfigSchema = z.discriminatedUnion('kind', [alertmanagerSourceSchema]);

/** Any alert source's settings. */
export type SourceConfig = z.infer<typeof sourceConfigSchema>;

/** The source watched when the settings list none. */
export function defaultSource(): AlertmanagerSourceConfig {
  return {
    kind: 'alertmanager',
    id: 'alertmanager',
    name: 'Alertmanager (default address)',
    url: DEFAULT_ALERTMANAGER_URL,
    intervalSeconds: DEFAULT_POLL_INTERVAL_SECONDS,
    timeoutSeconds: DEFAULT_POLL_TIMEOUT_SECONDS,
    enabled: true,
  };
}

/** The health of a source as the user sees it. */
export const sourceHealthSchema = z.enum(['pending', 'ok', 'failing', 'disabled']);

/** The health of a source. */
export type SourceHealth = z.infer<typeof sourceHealthSchema>;

/** What the app knows about one source's polling, published on every change. */
export const sourceStatusSchema = z.object({
  sourceId: z.string(),
  name: z.string(),
  kind: z.literal('alertmanager'),
  url: z.string(),
  /** True when this is the fallback source watched because none is configured. */
  isDefault: z.boolean(),
  health: sourceHealthSchema,
  /** Why the last poll failed, in words a person can act on. */
  reason: z.string().optional(),
  /** When the current run of failures began. */
  failingSince: isoTimeSchema.optional(),
  /** Consecutive failed polls. */
  failures: z.number().int().nonnegative(),
  lastSuccessAt: isoTimeSchema.optional(),
  lastAttemptAt: isoTimeSchema.optional(),
  /** When the next poll is due (later than usual while backing off). */
  nextAttemptAt: isoTimeSchema.optional(),
  /** Active (firing or suppressed) alerts the source reported last. */
  activeAlerts: z.number().int().nonnegative(),
});

/** One source's polling status. */
export type SourceStatus = z.infer<typeof sourceStatusSchema>;
