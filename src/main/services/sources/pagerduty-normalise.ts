import { alertId, type Alert, type AlertAck } from '../../../shared/domain/alert';
import { mapSeverityLabel, type Severity } from '../../../shared/domain/severity';
import type { SeverityMapping } from './alertmanager-normalise';
import type { PagerdutyIncident } from './pagerduty-response';

/** Who the incidents belong to and how to read their priority and urgency. */
export interface PagerdutyNormaliseOptions extends SeverityMapping {
  readonly sourceId: string;
}

/**
 * Turn PagerDuty incidents into normalised alerts (`id` = `<sourceId>:<incident id>`).
 *
 * Severity: an incident's priority name (PagerDuty's standard P1…P5, or the account's own) is
 * read through the team's scale and words, so `P1` is sev1 to a P1–P4 team and sev2 to a P0–P3
 * team. Without a priority, or with one nobody mapped, the urgency decides through the same
 * words: `high` (it pages at once) → sev2, `low` (it waits for working hours) → sev4. sev1 is
 * left to a priority, since urgency alone does not say an incident is the worst kind. A priority
 * no mapping knows is flagged as unmapped so the team can map it in Settings.
 * @param incidents - validated incidents
 * @param options - source id and severity mapping
 */
export function normalisePagerdutyIncidents(
  incidents: readonly PagerdutyIncident[],
  options: PagerdutyNormaliseOptions,
): Alert[] {
  return incidents.map((incident) => toAlert(incident, options));
}

function toAlert(incident: PagerdutyIncident, options: PagerdutyNormaliseOptions): Alert {
  const priority = text(incident.priority?.name) ?? text(incident.priority?.summary);
  const urgency = incident.urgency ?? undefined;
  const { severity, unmapped } = severityOf(priority, urgency, options);
  const severityLabel = priority ?? urgency;
  const labels: Record<string, string> = {};
  const put = (key: string, value: string | undefined | null) => {
    const shown = text(value);
    if (shown !== undefined) labels[key] = shown;
  };
  put('service', incident.service?.summary);
  put('urgency', urgency);
  put('priority', priority);
  put('escalation_policy', incident.escalation_policy?.summary);
  put(
    'teams',
    (incident.teams ?? [])
      .map((team) => text(team.summary) ?? team.id)
      .sort()
      .join(', '),
  );
  put('incident_number', incident.incident_number?.toString());
  const ack = incident.status === 'acknowledged' ? ackOf(incident) : undefined;
  const url = text(incident.html_url);
  const updatedAt = incident.updated_at ?? undefined;
  const resolvedAt = incident.resolved_at ?? undefined;
  return {
    id: alertId(options.sourceId, incident.id),
    sourceId: options.sourceId,
    fingerprint: incident.id,
    status: incident.status === 'resolved' ? 'resolved' : 'firing',
    severity,
    ...(severityLabel !== undefined && { severityLabel }),
    ...(unmapped && { severityUnmapped: true }),
    title: text(incident.title) ?? text(incident.summary) ?? `Incident ${incident.id}`,
    labels,
    annotations: {},
    startsAt: utc(incident.created_at),
    ...(incident.status === 'resolved' && resolvedAt !== undefined && { endsAt: utc(resolvedAt) }),
    ...(updatedAt !== undefined && { updatedAt: utc(updatedAt) }),
    ...(url !== undefined && { url }),
    ...(ack !== undefined && { ack }),
  };
}

function severityOf(
  priority: string | undefined,
  urgency: string | undefined,
  mapping: SeverityMapping,
): { severity: Severity; unmapped: boolean } {
  const byPriority =
    priority === undefined
      ? undefined
      : mapSeverityLabel(priority, mapping.severityScale, mapping.severityWords);
  if (byPriority?.known) return { severity: byPriority.severity, unmapped: false };
  const byUrgency = mapSeverityLabel(urgency, mapping.severityScale, mapping.severityWords);
  // A word that came but is not mapped is flagged; no priority and no urgency is just unknown.
  return {
    severity: byUrgency.severity,
    unmapped: byPriority !== undefined || (urgency !== undefined && !byUrgency.known),
  };
}

/**
 * The latest acknowledgement; an account that leaves `acknowledgements` out still says who
 * last changed the status (the log's latest entry), which for an acknowledged incident is the
 * acknowledger. A snooze shows as the pending `unacknowledge`, which is when it lapses.
 */
function ackOf(incident: PagerdutyIncident): AlertAck | undefined {
  const latest = [...(incident.acknowledgements ?? [])]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .at(-1);
  const by = latest
    ? (text(latest.acknowledger.summary) ?? latest.acknowledger.id)
    : incident.last_status_change_by
      ? (text(incident.last_status_change_by.summary) ?? incident.last_status_change_by.id)
      : undefined;
  const at = latest?.at ?? incident.last_status_change_at ?? undefined;
  if (by === undefined || at === undefined) return undefined;
  const until = (incident.pending_actions ?? [])
    .filter((action) => action.type === 'unacknowledge')
    .map((action) => action.at)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return { by, at: utc(at), via: 'source', ...(until !== undefined && { until: utc(until) }) };
}

function text(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value;
}

// One instant, one string: the diff compares times as strings.
function utc(iso: string): string {
  return new Date(iso).toISOString();
}
