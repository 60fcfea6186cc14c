import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { severitySchema } from '../domain/severity';
import { credentialStateSchema } from '../domain/source';
import { incidentIdSchema, incidentStatusSchema } from '../incident/schema';
import { syncStateSchema } from './sync-state';

/** One incident of the team, as the shared index lists it. */
export const teamIncidentSchema = z.object({
  id: incidentIdSchema,
  title: z.string().max(1000),
  severity: severitySchema,
  status: incidentStatusSchema,
  declaredAt: isoTimeSchema.optional(),
  /** True when this app holds it (declared here or joined); false: join to fetch it. */
  joined: z.boolean(),
});

/** One incident of the team. */
export type TeamIncident = z.infer<typeof teamIncidentSchema>;

/** Team sync as the renderer sees it: the state, the server, and the team's incidents. */
export const syncViewSchema = z.object({
  state: syncStateSchema,
  /** The server address from the settings, when one is set. */
  server: z.string().optional(),
  /**
   * Whether a team token is stored in the secret store (masked), so Settings can say so after a
   * reload; absent until the store was read. `ONCALL_SYNC_TOKEN`, when set, is used instead.
   */
  token: credentialStateSchema.optional(),
  /** Every incident the team's index lists (the ones here included), newest first. */
  teamIncidents: z.array(teamIncidentSchema),
});

/** Team sync as the renderer sees it. */
export type SyncView = z.infer<typeof syncViewSchema>;
