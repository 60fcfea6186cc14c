import { alertId, type Alert } from '../../../../shared/domain/alert';
import { mapSeverityLabel } from '../../../../shared/domain/severity';
import type { SeverityMapping } from '../alertmanager-normalise';
import type { OncallAlertGroup } from './grafana-oncall-schema';

/** Who the alert groups belong to and how to read a `severity` label. */
export interface OncallNormaliseOptions extends SeverityMapping {
  readonly sourceId: string;
}

/**
 * Map OnCall's alert groups onto the normalised alert. A group has no severity of its own; its
 * `severity` label (OnCall copies an integration's labels onto the group) is read like an
 * Alertmanager label, and a group without one gets the default. Silenced groups are suppressed.
 * @param groups - the alert groups as listed
 * @param options - source id and severity words
 */
export function normaliseOncallAlertGroups(
  groups: readonly OncallAlertGroup[],
  options: OncallNormaliseOptions,
): Alert[] {
  return groups.map((group) => {
    const labels: Record<string, string> = {};
    for (const { key, value } of group.labels ?? []) labels[key.name] = value.name;
    const title = group.title?.trim() || `Alert group ${group.id}`;
    labels.alertname ??= title;
    const severityLabel = labels.severity;
    const { severity, known } = mapSeverityLabel(
      severityLabel,
      options.severityScale,
      options.severityWords,
    );
    const url = group.permalinks?.web ?? undefined;
    const annotations: Record<string, string> = {};
    if (group.alerts_count !== undefined) annotations.alerts = String(group.alerts_count);
    if (group.silenced_at) annotations.silencedAt = new Date(group.silenced_at).toISOString();
    return {
      id: alertId(options.sourceId, group.id),
      sourceId: options.sourceId,
      fingerprint: group.id,
      status: group.state === 'silenced' ? 'suppressed' : 'firing',
      severity,
      ...(severityLabel !== undefined && { severityLabel }),
      ...(severityLabel !== undefined && !known && { severityUnmapped: true }),
      title,
      labels,
      annotations,
      startsAt: new Date(group.created_at).toISOString(),
      ...(url && { url }),
      ...(group.state === 'acknowledged' && {
        ack: {
          // The API names the acknowledger by user id only.
          by: group.acknowledged_by ?? 'someone in Grafana OnCall',
          at: new Date(group.acknowledged_at ?? group.created_at).toISOString(),
          via: 'source' as const,
        },
      }),
    };
  });
}
