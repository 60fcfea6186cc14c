import { z } from 'zod';

const label = z.object({
  key: z.object({ name: z.string() }),
  value: z.object({ name: z.string() }),
});

/**
 * One alert group as Grafana OnCall's (and Grafana IRM's) public API lists it
 * (`GET /api/v1/alert_groups/`), the fields this app reads.
 * https://grafana.com/docs/oncall/latest/oncall-api-reference/alertgroups/
 */
export const oncallAlertGroupSchema = z.object({
  id: z.string().min(1),
  title: z.string().nullish(),
  state: z.enum(['new', 'acknowledged', 'resolved', 'silenced']),
  created_at: z.iso.datetime({ offset: true }),
  acknowledged_at: z.iso.datetime({ offset: true }).nullish(),
  acknowledged_by: z.string().nullish(),
  silenced_at: z.iso.datetime({ offset: true }).nullish(),
  alerts_count: z.number().int().nonnegative().optional(),
  labels: z.array(label).nullish(),
  permalinks: z.record(z.string(), z.string().nullable()).nullish(),
});

/** An OnCall alert group as listed. */
export type OncallAlertGroup = z.infer<typeof oncallAlertGroupSchema>;

/** A page of the list: `next` is the next page's URL while there is one. */
export const oncallPageSchema = z.object({
  next: z.string().nullish(),
  results: z.array(oncallAlertGroupSchema),
});

/** OnCall's error body (Django REST framework): `{ "detail": "Invalid token." }`. */
export function oncallErrorDetail(body: string): string | undefined {
  const parsed = z.object({ detail: z.string() }).safeParse(JSON.parse(body));
  return parsed.success ? parsed.data.detail : undefined;
}
