import type { z } from 'zod';
import { alertId, type Alert, type AlertStatus } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import { mapSeverityLabel } from '../../../shared/domain/severity';
import { gettableAlertsSchema, type GettableAlert } from './alertmanager-response';
import { SourceError } from './source-error';

/** The part of the settings that decides what a `severity` label means. */
export type SeverityMapping = Pick<Settings, 'severityScale' | 'severityWords'>;

/** Who the alerts belong to, how to read their severity, and what time it is. */
export interface NormaliseOptions extends SeverityMapping {
  readonly sourceId: string;
  /** Alerts whose end time is at or before this are resolved. */
  readonly now: Date;
}

const MAX_ISSUES_SHOWN = 3;

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
  const json = typeof body === 'string' ? parseJsonBody(body) : body;
  const parsed = gettableAlertsSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    throw new SourceError(
      'response',
      `answered JSON of the wrong shape: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data.map((alert) => toAlert(alert, options));
}

function toAlert(raw: GettableAlert, options: NormaliseOptions): Alert {
  const { labels, annotations } = raw;
  const severityLabel = labels.severity;
  const { severity, known } = mapSeverityLabel(
    severityLabel,
    options.severityScale,
    options.severityWords,
  );
  const endsAt = realTime(raw.endsAt);
  const ended = endsAt !== undefined && endsAt <= options.now.getTime();
  const summary = nonEmpty(annotations.summary) ?? nonEmpty(annotations.description);
  const updatedAt = realTime(raw.updatedAt);
  const url = nonEmpty(raw.generatorURL);
  return {
    id: alertId(options.sourceId, raw.fingerprint),
    sourceId: options.sourceId,
    fingerprint: raw.fingerprint,
    status: ended ? 'resolved' : statusOf(raw.status.state),
    severity,
    ...(severityLabel !== undefined && { severityLabel }),
    // A word the mapping does not know is flagged, not silently filed among the warnings.
    ...(severityLabel !== undefined && !known && { severityUnmapped: true }),
    title: nonEmpty(labels.alertname) ?? nonEmpty(annotations.summary) ?? 'Unnamed alert',
    ...(summary !== undefined && { summary }),
    labels,
    annotations,
    startsAt: utcIso(raw.startsAt),
    ...(ended && { endsAt: utcIso(raw.endsAt) }),
    ...(updatedAt !== undefined && { updatedAt: utcIso(raw.updatedAt) }),
    ...(url !== undefined && { url }),
  };
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

function parseJsonBody(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '')
    throw new SourceError(
      'response',
      'answered an empty body, not JSON — is this URL an Alertmanager?',
    );
  if (body.startsWith('<')) {
    throw new SourceError('response', 'answered HTML, not JSON — is this URL an Alertmanager?');
  }
  try {
    return JSON.parse(body);
  } catch {
    const start = body.slice(0, 40).replace(/\s+/g, ' ');
    throw new SourceError(
      'response',
      `answered text that is not JSON ("${start}${body.length > 40 ? '…' : ''}") — is this URL an Alertmanager?`,
    );
  }
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, MAX_ISSUES_SHOWN).map(describeIssue);
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `${where}: missing (expected ${jsonType(issue.expected)})`
        : `${where}: expected ${jsonType(issue.expected)}, got ${kindOf(issue.input)}`;
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`;
    case 'invalid_format':
      return `${where}: expected a ${issue.format === 'datetime' ? 'date-time' : issue.format}, got ${JSON.stringify(issue.input)}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/** `[0].labels.severity`, the way a person would point into the body. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the body';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

// zod names a key/value map a "record"; in JSON it is an object.
function jsonType(expected: string): string {
  return expected === 'record' ? 'object' : expected;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// The webhook receiver says what is wrong with a pushed body the way a poll says it of a polled one.
export { describeIssues as describePayloadIssues };
