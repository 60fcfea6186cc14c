import { z } from 'zod';

// The body of GET /api/v2/alerts, `gettableAlerts` in Alertmanager's OpenAPI document
// (/work/shared/specs/alertmanager-openapi-v2.yaml; test/unit/…/alertmanager-response.test.ts
// checks our fixtures against it).
//
// Fields the app reads are required as the spec says. Fields it never reads (receivers,
// silencedBy, inhibitedBy, mutedBy) are optional: one missing must not hide every alert from
// the person on call. `mutedBy` in particular is required by the current spec but absent from
// Alertmanager before 0.27 (Debian ships 0.25).

const labelSetSchema = z.record(z.string(), z.string());

const dateTimeSchema = z.iso.datetime({ offset: true });

/** `alertStatus`: where Alertmanager has the alert. */
export const alertmanagerAlertStatusSchema = z.object({
  state: z.enum(['unprocessed', 'active', 'suppressed']),
  silencedBy: z.array(z.string()).optional(),
  inhibitedBy: z.array(z.string()).optional(),
  mutedBy: z.array(z.string()).optional(),
});

/** One `gettableAlert`. */
export const gettableAlertSchema = z.object({
  labels: labelSetSchema,
  annotations: labelSetSchema,
  fingerprint: z.string().min(1),
  startsAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
  endsAt: dateTimeSchema,
  status: alertmanagerAlertStatusSchema,
  receivers: z.array(z.object({ name: z.string() })).optional(),
  generatorURL: z.string().optional(),
});

/** One alert as Alertmanager's API v2 returns it. */
export type GettableAlert = z.infer<typeof gettableAlertSchema>;

/** `gettableAlerts`: the whole body of GET /api/v2/alerts. */
export const gettableAlertsSchema = z.array(gettableAlertSchema);
