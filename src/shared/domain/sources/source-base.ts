import { z } from 'zod';
import { severitySchema } from '../severity';

/** Default poll interval in seconds. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 15;

/** Default time a poll may take before it counts as failed, in seconds. */
export const DEFAULT_POLL_TIMEOUT_SECONDS = 10;

/**
 * An http(s) URL a source is reached at, with no credentials in it: a password in the URL would
 * sit in settings.json in plain text, and secrets never go there (they live in the secret store).
 * A trailing slash is dropped, so `http://am:9093/` and `http://am:9093` are the same source.
 */
export const sourceUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .refine((u) => !/^https?:\/\/[^/]*@/i.test(u), {
    message: 'must not contain a user name or password; credentials are kept in the secret store',
  })
  .transform((u) => u.replace(/\/+$/, ''));

/**
 * What every kind of source has: its identity, its polling rhythm and whether it is watched.
 * Each kind's schema extends this with what it needs to reach its peer.
 */
export const sourceBaseSchema = z.object({
  /** Stable id, used in alert ids; letters, digits, `-` and `_`. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1–64 letters, digits, "-" or "_"'),
  /** Name shown in the app. */
  name: z.string().min(1).max(100),
  /** Seconds between polls. */
  intervalSeconds: z.number().int().min(2).max(3600).default(DEFAULT_POLL_INTERVAL_SECONDS),
  /** Seconds a poll may take before it counts as failed. */
  timeoutSeconds: z.number().int().min(1).max(120).default(DEFAULT_POLL_TIMEOUT_SECONDS),
  /** When false the source is kept but not polled. */
  enabled: z.boolean().default(true),
  /**
   * This source's own severity words on top of the team's (`{ "P1": "sev1" }`), for a source
   * that speaks a different vocabulary from the rest.
   */
  severityWords: z.record(z.string(), severitySchema).default({}),
});
