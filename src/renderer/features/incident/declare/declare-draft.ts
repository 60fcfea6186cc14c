import type { Alert } from '../../../../shared/domain/alert';
import { severityRank, type Severity } from '../../../../shared/domain/severity';
import { titleFromAlerts } from '../../../../shared/incident/alert-title';
import type { DeclareIncidentRequest } from '../../../../shared/ipc/incident-schemas';

/** The declare dialog's fields, as the user edits them. */
export interface DeclareDraft {
  title: string;
  severity: Severity;
  impact: string;
  /** Comma-separated, as typed. */
  services: string;
  /** The channel as typed; undefined while the live suggestion is used. */
  channel: string | undefined;
}

/**
 * The dialog's starting values: from the alerts (title as the app would derive it, the worst
 * severity, their `service` labels), or blank for an incident from scratch.
 * @param alerts - the alerts declared from; empty for none
 */
export function draftFromAlerts(alerts: readonly Alert[]): DeclareDraft {
  if (alerts.length === 0) {
    return { title: '', severity: 'sev3', impact: '', services: '', channel: undefined };
  }
  const worst = [...alerts].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))[0];
  const services = [
    ...new Set(alerts.flatMap((a) => (a.labels.service?.trim() ? [a.labels.service.trim()] : []))),
  ];
  return {
    title: titleFromAlerts(alerts),
    severity: worst?.severity ?? 'sev3',
    impact: '',
    services: services.join(', '),
    channel: undefined,
  };
}

/**
 * Split the services field: commas or new lines, trimmed, blanks and repeats dropped.
 * @param text - as typed
 */
export function parseServices(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

/**
 * The `incident:declare` request for the dialog's values. What the user sees is what is sent:
 * title, severity and channel are always given, so the app derives nothing behind their back.
 * @param draft - the fields
 * @param alertIds - the alerts declared from
 * @param suggestedChannel - the live suggestion, used while the channel was not edited
 */
export function declareRequest(
  draft: DeclareDraft,
  alertIds: readonly string[],
  suggestedChannel: string,
): DeclareIncidentRequest {
  const request: DeclareIncidentRequest = {
    title: draft.title.trim(),
    severity: draft.severity,
    affectedServices: parseServices(draft.services),
    channel: (draft.channel ?? suggestedChannel).trim(),
  };
  if (alertIds.length > 0) request.alertIds = [...alertIds];
  if (draft.impact.trim() !== '') request.impact = draft.impact.trim();
  return request;
}
