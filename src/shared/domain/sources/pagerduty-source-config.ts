import { z } from 'zod';
import { sourceBaseSchema, sourceUrlSchema } from './source-base';

/** PagerDuty's REST API; the EU service region answers at `https://api.eu.pagerduty.com`. */
export const PAGERDUTY_API_URL = 'https://api.pagerduty.com';

/**
 * A PagerDuty account (REST API v2): its triggered and acknowledged incidents, those assigned to
 * me or of chosen teams or services. The API token lives in the secret store.
 */
export const pagerdutySourceSchema = sourceBaseSchema
  .extend({
    kind: z.literal('pagerduty'),
    /** The REST API's base URL. */
    apiUrl: sourceUrlSchema.default(PAGERDUTY_API_URL),
    /**
     * The login e-mail of the PagerDuty user acting through this app: sent as the `From` header
     * that acknowledge, snooze and resolve require.
     */
    fromEmail: z.email('must be the e-mail address you log in to PagerDuty with'),
    /** Whose incidents: assigned to me, or of these teams, or of these services. */
    scope: z.enum(['me', 'teams', 'services']).default('me'),
    /** Team ids (e.g. `PQ9K7I8`) when `scope` is `teams`. */
    teamIds: z
      .array(z.string().regex(/^[A-Z0-9]{1,32}$/, 'a PagerDuty id such as PQ9K7I8'))
      .default([]),
    /** Service ids when `scope` is `services`. */
    serviceIds: z
      .array(z.string().regex(/^[A-Z0-9]{1,32}$/, 'a PagerDuty id such as PIJ90N7'))
      .default([]),
    /** Polls are spaced so this source stays far below PagerDuty's per-token rate limit. */
    intervalSeconds: sourceBaseSchema.shape.intervalSeconds.unwrap().min(10).default(30),
  })
  .superRefine((config, ctx) => {
    // Watching "chosen teams" with none chosen would watch nothing and look healthy.
    if (config.scope === 'teams' && config.teamIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['teamIds'],
        message: 'list at least one team id when watching teams',
      });
    }
    if (config.scope === 'services' && config.serviceIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceIds'],
        message: 'list at least one service id when watching services',
      });
    }
  });

/** The settings of one PagerDuty source. */
export type PagerdutySourceConfig = z.infer<typeof pagerdutySourceSchema>;
