import { z } from 'zod';
import { sourceBaseSchema } from './source-base';

/** Opsgenie's API base URL per region. */
export const OPSGENIE_API_URLS = {
  us: 'https://api.opsgenie.com',
  eu: 'https://api.eu.opsgenie.com',
} as const;

/**
 * An Opsgenie account: its open alerts. The API key (a GenieKey) lives in the secret store.
 * Atlassian ends Opsgenie in April 2027, so this kind stays small.
 */
export const opsgenieSourceSchema = sourceBaseSchema.extend({
  kind: z.literal('opsgenie'),
  /** Which of Opsgenie's regions the account lives in. */
  region: z.enum(['us', 'eu']).default('us'),
  /** An Opsgenie search query narrowing the open alerts, e.g. `teams: payments`. */
  query: z.string().max(1000).default(''),
  /** Overrides the region's URL (a proxy, or a test server). */
  apiUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
});

/** The settings of one Opsgenie source. */
export type OpsgenieSourceConfig = z.infer<typeof opsgenieSourceSchema>;
