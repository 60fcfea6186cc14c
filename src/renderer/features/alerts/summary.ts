import type { Alert } from '../../../shared/domain/alert';
import { SEVERITIES, type Severity } from '../../../shared/domain/severity';
import type { SourceStatus } from '../../../shared/domain/source';

/** The one-line state of the shift, for the header. */
export interface Summary {
  /** "3 firing · 1 source failing", "All clear", "Nothing firing · 1 source failing". */
  text: string;
  /** The colour: the worst firing severity; `failing` when only sources fail; `pending` before any answer. */
  tone: Severity | 'failing' | 'pending' | 'ok';
  firing: number;
  failingSources: number;
}

/**
 * Summarise the alerts and sources for the header.
 * @param alerts - every alert
 * @param sources - every source's status
 */
export function summarise(alerts: readonly Alert[], sources: readonly SourceStatus[]): Summary {
  const firing = alerts.filter((a) => a.status === 'firing');
  const failingSources = sources.filter((s) => s.health === 'failing').length;
  const waiting = sources.length > 0 && sources.every((s) => s.health === 'pending');
  // "All clear" only when every source answered; otherwise no alerts may just mean no answer.
  const quiet =
    failingSources > 0 ? 'Nothing firing' : waiting ? 'Waiting for the first poll' : 'All clear';
  const parts = [firing.length > 0 ? `${firing.length} firing` : quiet];
  if (failingSources > 0)
    parts.push(`${failingSources} ${failingSources === 1 ? 'source' : 'sources'} failing`);
  const worst = SEVERITIES.find((severity) => firing.some((a) => a.severity === severity));
  return {
    text: parts.join(' · '),
    tone: worst ?? (failingSources > 0 ? 'failing' : waiting ? 'pending' : 'ok'),
    firing: firing.length,
    failingSources,
  };
}
