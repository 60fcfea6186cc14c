import { z } from 'zod';
import { sourceBaseSchema, sourceUrlSchema } from './source-base';

/**
 * Grafana OnCall, or Grafana IRM (the same public API): its new and acknowledged alert groups.
 * The API token lives in the secret store.
 */
export const grafanaOncallSourceSchema = sourceBaseSchema.extend({
  kind: z.literal('grafana-oncall'),
  /**
   * The OnCall API URL shown in Grafana under OnCall → Settings → Admin & API, for example
   * `https://oncall-prod-us-central-0.grafana.net/oncall`.
   */
  apiUrl: sourceUrlSchema,
});

/** The settings of one Grafana OnCall source. */
export type GrafanaOncallSourceConfig = z.infer<typeof grafanaOncallSourceSchema>;
