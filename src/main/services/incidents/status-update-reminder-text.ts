import type { Severity } from '../../../shared/domain/severity';
import type { IncidentSnapshot } from '../../../shared/incident/schema';

/**
 * The reminder's words: the title names the incident; the body says how late the update is and
 * how often updates go out, so the reader knows how much the audience is waiting.
 * @param incident - an incident whose update is due
 * @param now - the moment of the reminder
 * @param word - the team's word for a severity
 */
export function statusUpdateReminderText(
  incident: Pick<
    IncidentSnapshot,
    'title' | 'severity' | 'nextUpdateDueAt' | 'statusCadenceMinutes'
  >,
  now: Date,
  word: (severity: Severity) => string,
): { title: string; body: string } {
  const lateMs = now.getTime() - Date.parse(incident.nextUpdateDueAt ?? now.toISOString());
  const late = lateMs < 60_000 ? 'Due now' : `${duration(lateMs)} late`;
  const cadence =
    incident.statusCadenceMinutes === null
      ? ''
      : ` Updates for this ${word(incident.severity)} incident go out every ${duration(
          incident.statusCadenceMinutes * 60_000,
        )}.`;
  return {
    title: `Status update due: ${incident.title}`,
    body: `${late}.${cadence}`,
  };
}

/** `7 min`, `2 h`, `1 h 5 min`: whole minutes, rounded down. */
function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
