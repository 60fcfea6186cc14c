import type { Alert } from '../../../shared/domain/alert';

/** What the filter may match besides the alert itself. */
export interface FilterContext {
  /** Name of the alert's source. */
  sourceName: string;
  /** The severity as the team says it ("SEV2", "P1"). */
  severityText: string;
}

/**
 * True when every word of the query appears somewhere in the alert: title, summary, source,
 * severity, status, or a label written `name=value` (so `env=prod` and `prod` both work).
 * Case-insensitive; an empty query matches everything.
 * @param alert - the alert
 * @param query - what the user typed
 * @param context - the alert's source name and severity label
 */
export function matchesFilter(alert: Alert, query: string, context: FilterContext): boolean {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = [
    alert.title,
    alert.summary ?? '',
    context.sourceName,
    context.severityText,
    alert.status,
    ...Object.entries(alert.labels).map(([name, value]) => `${name}=${value}`),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
