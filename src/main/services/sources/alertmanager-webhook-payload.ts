import { z } from 'zod';

// The body Alertmanager POSTs to a `webhook_config` receiver, payload version 4
// (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
//
// What the app reads is required as the documentation says (version, status, alerts with their
// fingerprint, labels, status and times). The group fields it never reads are optional: a
// proxy that drops one must not cost the person on call the alerts.

const labelSetSchema = z.record(z.string(), z.string());

const dateTimeSchema = z.iso.datetime({ offset: true });

/** One alert of a webhook notification. */
export const webhookAlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelSetSchema,
  annotations: labelSetSchema.default({}),
  startsAt: dateTimeSchema,
  /** Go's zero time (`0001-01-01T00:00:00Z`) while the alert fires. */
  endsAt: dateTimeSchema,
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1).max(256),
});

/** One alert as Alertmanager pushes it. */
export type WebhookAlert = z.infer<typeof webhookAlertSchema>;

/** The whole webhook body, version 4. */
export const alertmanagerWebhookPayloadSchema = z.object({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  alerts: z.array(webhookAlertSchema),
  /** Alerts left out because of the receiver's `max_alerts`: the poll brings them. */
  truncatedAlerts: z.number().int().nonnegative().optional(),
  groupKey: z.string().optional(),
  receiver: z.string().optional(),
  groupLabels: labelSetSchema.optional(),
  commonLabels: labelSetSchema.optional(),
  commonAnnotations: labelSetSchema.optional(),
  externalURL: z.string().optional(),
});

/** A webhook notification from Alertmanager. */
export type AlertmanagerWebhookPayload = z.infer<typeof alertmanagerWebhookPayloadSchema>;
