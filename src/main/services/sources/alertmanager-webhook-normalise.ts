import type { Alert } from '../../../shared/domain/alert';
import {
  describePayloadIssues,
  normaliseGettableAlert,
  type NormaliseOptions,
} from './alertmanager-normalise';
import {
  alertmanagerWebhookPayloadSchema,
  type AlertmanagerWebhookPayload,
  type WebhookAlert,
} from './alertmanager-webhook-payload';

/** A webhook body read: its alerts normalised, or what was wrong with it. */
export type WebhookReading =
  | { readonly ok: true; readonly alerts: Alert[]; readonly payload: AlertmanagerWebhookPayload }
  | { readonly ok: false; readonly error: string };

// Go's zero time: "not set". A firing alert is sent with it; the poll's copy has a future end.
const NOT_SET = '0001-01-01T00:00:00Z';

/**
 * Validate a parsed webhook body (payload version 4) and normalise its alerts exactly as a poll
 * would (same id, severity mapping, title and summary), so the pushed and the polled copy of an
 * alert are one alert.
 * @param json - the parsed body
 * @param options - source id, severity mapping and the current time
 */
export function normaliseWebhookAlerts(json: unknown, options: NormaliseOptions): WebhookReading {
  const parsed = alertmanagerWebhookPayloadSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      error: `not an Alertmanager webhook payload (version 4): ${describePayloadIssues(parsed.error)}`,
    };
  }
  return {
    ok: true,
    payload: parsed.data,
    alerts: parsed.data.alerts.map((alert) => toAlert(alert, options)),
  };
}

function toAlert(raw: WebhookAlert, options: NormaliseOptions): Alert {
  const alert = normaliseGettableAlert(
    {
      labels: raw.labels,
      annotations: raw.annotations,
      fingerprint: raw.fingerprint,
      startsAt: raw.startsAt,
      updatedAt: NOT_SET,
      endsAt: NOT_SET,
      status: { state: 'active' },
      generatorURL: raw.generatorURL,
    },
    options,
  );
  // The notification says which it is; a clock a little off must not turn one into the other.
  if (raw.status === 'firing') return alert;
  const ended = Date.parse(raw.endsAt) > 0 ? new Date(raw.endsAt) : options.now;
  return { ...alert, status: 'resolved', endsAt: ended.toISOString() };
}
