import type { Alert } from '../../../shared/domain/alert';
import { normaliseAlertmanagerAlerts, type NormaliseOptions } from './alertmanager-normalise';
import type { GettableAlert } from './alertmanager-response';
import { describeResponseIssues } from './http/json-answer';
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
      error: `not an Alertmanager webhook payload (version 4): ${describeResponseIssues(parsed.error)}`,
    };
  }
  const { alerts } = parsed.data;
  // In the poll's shape, through the poll's own normaliser: one alert, whichever way it came.
  const polledShape: GettableAlert[] = alerts.map((raw) => ({
    labels: raw.labels,
    annotations: raw.annotations,
    fingerprint: raw.fingerprint,
    startsAt: raw.startsAt,
    updatedAt: NOT_SET,
    endsAt: NOT_SET,
    status: { state: 'active' },
    ...(raw.generatorURL !== undefined && { generatorURL: raw.generatorURL }),
  }));
  const normalised = normaliseAlertmanagerAlerts(polledShape, options);
  return {
    ok: true,
    payload: parsed.data,
    alerts: normalised.map((alert, i) => withPushedStatus(alert, alerts[i], options.now)),
  };
}

// The notification says which it is; a clock a little off must not turn one into the other.
function withPushedStatus(alert: Alert, raw: WebhookAlert | undefined, now: Date): Alert {
  if (raw?.status !== 'resolved') return alert;
  const ended = Date.parse(raw.endsAt) > 0 ? new Date(raw.endsAt) : now;
  return { ...alert, status: 'resolved', endsAt: ended.toISOString() };
}
