import { z } from 'zod';

/**
 * One alert as Opsgenie's List Alerts answers it (`GET /v2/alerts`), the fields this app reads.
 * https://docs.opsgenie.com/docs/alert-api#list-alerts
 */
export const opsgenieAlertSchema = z.object({
  id: z.string().min(1),
  tinyId: z.string().optional(),
  alias: z.string().optional(),
  message: z.string(),
  status: z.string(),
  acknowledged: z.boolean().default(false),
  snoozed: z.boolean().default(false),
  snoozedUntil: z.string().optional(),
  priority: z.string().default('P3'),
  tags: z.array(z.string()).default([]),
  source: z.string().optional(),
  entity: z.string().optional(),
  owner: z.string().optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  report: z
    .object({
      ackTime: z.number().optional(),
      acknowledgedBy: z.string().optional(),
    })
    .optional(),
});

/** An Opsgenie alert as listed. */
export type OpsgenieAlert = z.infer<typeof opsgenieAlertSchema>;

/** A page of List Alerts: `paging.next` is there while more pages follow. */
export const opsgenieAlertPageSchema = z.object({
  data: z.array(opsgenieAlertSchema),
  paging: z.object({ next: z.string().optional() }).optional(),
});

/** The 202 answer to an alert action: it is queued, under this request id. */
export const opsgenieAcceptedSchema = z.object({ requestId: z.string().min(1) });

/** Get Request Status (`GET /v2/alerts/requests/{id}`) once the request was processed. */
export const opsgenieRequestStatusSchema = z.object({
  data: z.object({
    isSuccess: z.boolean(),
    status: z.string().optional(),
  }),
});

/** Opsgenie's error body: `{ "message": "Could not authenticate", … }`. */
export function opsgenieErrorMessage(body: string): string | undefined {
  const parsed = z.object({ message: z.string() }).safeParse(JSON.parse(body));
  return parsed.success ? parsed.data.message : undefined;
}
