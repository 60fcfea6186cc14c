import { alertId, type Alert, type AlertStatus } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import { mapSeverityLabel } from '../../../shared/domain/severity';
import { isPlainGettableAlert, isPlainGettableAlerts } from './alertmanager-fast-check';
import { mutingOf } from './alertmanager-muting';
import { gettableAlertsSchema, type GettableAlert } from './alertmanager-response';
import type { GettableSilence } from './alertmanager-silences';
import { describeResponseIssues, parseJsonText } from './http/json-answer';
import { SourceError } from './source-error';

/** The part of the settings that decides what a `severity` label means. */
export type SeverityMapping = Pick<Settings, 'severityScale' | 'severityWords'>;

/** Who the alerts belong to, how to read their severity, and what time it is. */
export interface NormaliseOptions extends SeverityMapping {
  readonly sourceId: string;
  /** Alerts whose end time is at or before this are resolved. */
  readonly now: Date;
  /**
   * The source's active silences by id, to say who silenced an alert, why and until when;
   * undefined when they could not be read (the alerts still show, without those details).
   */
  readonly silences?: ReadonlyMap<string, GettableSilence>;
}

/**
 * Turn the body of Alertmanager's GET /api/v2/alerts into normalised alerts.
 *
 * Alertmanager gives every active alert an `endsAt` in the future (now + its resolve timeout,
 * renewed each time the alert is re-sent), so only an `endsAt` already past means resolved.
 * @param body - the body as text, or already parsed JSON
 * @param options - source id, severity mapping and the current time
 * @throws SourceError (kind `response`) whose message says what was wrong, written to follow
 *   the URL: "answered HTML, not JSON — is this URL an Alertmanager?"
 */
export function normaliseAlertmanagerAlerts(body: unknown, options: NormaliseOptions): Alert[] {
  const json =
    typeof body === 'string' ? parseJsonText(body, 'is this URL an Alertmanager?') : body;
  return checkedAlerts(json).map(alertMapper(options));
}

/** Alerts normalised between pauses, so a big body never holds the event loop for long. */
export const NORMALISE_SLICE = 1000;

/**
 * {@link normaliseAlertmanagerAlerts} for the main loop: after `JSON.parse` (one step that cannot
 * be cut), the alerts are checked and normalised {@link NORMALISE_SLICE} at a time, with `pause()`
 * awaited between slices so timers, IPC and other sources run in between. 10,000 alerts are
 * ten short steps instead of one long one.
 * @param body - the body as text
 * @param options - source id, severity mapping and the current time
 * @param pause - resolves when the loop has had its turn (e.g. `setImmediate` as a promise)
 * @throws SourceError as {@link normaliseAlertmanagerAlerts} does
 */
export async function normaliseAlertmanagerAlertsInSlices(
  body: string,
  options: NormaliseOptions,
  pause: () => Promise<void>,
): Promise<Alert[]> {
  const json = parseJsonText(body, 'is this URL an Alertmanager?');
  if (!Array.isArray(json)) return normaliseAlertmanagerAlerts(json, options);
  const map = alertMapper(options);
  const out: Alert[] = [];
  for (let start = 0; start < json.length; start += NORMALISE_SLICE) {
    if (start > 0) await pause();
    const end = Math.min(start + NORMALISE_SLICE, json.length);
    for (let i = start; i < end; i++) {
      const raw: unknown = json[i];
      // A doubtful element: let the schema judge the whole body, as the one-step path does.
      if (!isPlainGettableAlert(raw)) return checkedAlerts(json).map(map);
      out.push(map(raw as GettableAlert));
    }
  }
  return out;
}

/** The body's alerts, checked by hand when that is certain, else by the schema (with why not). */
function checkedAlerts(json: unknown): GettableAlert[] {
  if (isPlainGettableAlerts(json)) return json as GettableAlert[];
  const parsed = gettableAlertsSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    throw new SourceError(
      'response',
      `answered JSON of the wrong shape: ${describeResponseIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** One poll's mapping from Alertmanager's alert to ours. */
function alertMapper(options: NormaliseOptions): (raw: GettableAlert) => Alert {
  // Thousands of alerts share a handful of severity words: map each word once per poll.
  const severities = new Map<string | undefined, ReturnType<typeof mapSeverityLabel>>();
  const severityOf = (label: string | undefined) => {
    let mapped = severities.get(label);
    if (mapped === undefined) {
      mapped = mapSeverityLabel(label, options.severityScale, options.severityWords);
      severities.set(label, mapped);
    }
    return mapped;
  };
  const nowIso = options.now.toISOString();
  return (raw) => toAlert(raw, options, severityOf, nowIso);
}

function toAlert(
  raw: GettableAlert,
  options: NormaliseOptions,
  severityOf: (label: string | undefined) => ReturnType<typeof mapSeverityLabel>,
  nowIso: string,
): Alert {
  const { labels, annotations } = raw;
  const severityLabel = labels.severity;
  const { severity, known } = severityOf(severityLabel);
  const ended = hasEnded(raw.endsAt, options.now, nowIso);
  const summary = nonEmpty(annotations.summary) ?? nonEmpty(annotations.description);
  const url = nonEmpty(raw.generatorURL);
  // Fields set one by one rather than spread in: spreading a dozen small objects per alert was
  // a fifth of a 10,000-alert poll.
  const alert: Alert = {
    id: alertId(options.sourceId, raw.fingerprint),
    sourceId: options.sourceId,
    fingerprint: raw.fingerprint,
    status: ended ? 'resolved' : statusOf(raw.status.state),
    severity,
    title: nonEmpty(labels.alertname) ?? nonEmpty(annotations.summary) ?? 'Unnamed alert',
    labels,
    annotations,
    startsAt: utcIso(raw.startsAt),
  };
  if (severityLabel !== undefined) {
    alert.severityLabel = severityLabel;
    // A word the mapping does not know is flagged, not silently filed among the warnings.
    if (!known) alert.severityUnmapped = true;
  }
  if (summary !== undefined) alert.summary = summary;
  if (ended) alert.endsAt = utcIso(raw.endsAt);
  if (isRealTime(raw.updatedAt)) alert.updatedAt = utcIso(raw.updatedAt);
  if (url !== undefined) alert.url = url;
  if (!ended && isMuted(raw.status)) Object.assign(alert, mutingOf(raw.status, options.silences));
  return alert;
}

function isMuted(status: GettableAlert['status']): boolean {
  return (status.silencedBy?.length ?? 0) > 0 || (status.inhibitedBy?.length ?? 0) > 0;
}

/**
 * Whether an alert's end is at or before now. Alertmanager writes canonical UTC times, which
 * compare as text; anything else is parsed (Go's zero time means "not set": not ended).
 */
function hasEnded(endsAt: string, now: Date, nowIso: string): boolean {
  if (CANONICAL_UTC.test(endsAt)) return endsAt <= nowIso;
  const ms = realTime(endsAt);
  return ms !== undefined && ms <= now.getTime();
}

function isRealTime(iso: string): boolean {
  return CANONICAL_UTC.test(iso) ? !iso.startsWith('0001-') : realTime(iso) !== undefined;
}

function statusOf(state: GettableAlert['status']['state']): AlertStatus {
  // `unprocessed` is an alert Alertmanager received but has not routed yet: it is firing.
  return state === 'suppressed' ? 'suppressed' : 'firing';
}

// Times leave as UTC with milliseconds, so the same instant is always the same string (the
// diff compares them as strings). Alertmanager already writes them so; re-formatting those
// anyway cost a tenth of a 10,000-alert poll.
function utcIso(iso: string): string {
  return CANONICAL_UTC.test(iso) ? iso : new Date(iso).toISOString();
}

const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

// Go's zero time (0001-01-01T00:00:00Z) stands for "not set".
function realTime(iso: string): number | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) || ms <= 0 ? undefined : ms;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
