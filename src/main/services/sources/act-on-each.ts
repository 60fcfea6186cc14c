import type { Alert } from '../../../shared/domain/alert';
import { SourceError } from './source-error';

/**
 * Carry out one action on each alert at once, for sources whose API acts on one alert a call.
 * Resolves when all succeeded; one alert's failure rejects with its own error, several with one
 * `SourceError` naming each failed alert and why ("2 of 3 were not done: …").
 * @param alerts - the alerts to act on
 * @param actOn - the call for one alert
 */
export async function actOnEach(
  alerts: readonly Alert[],
  actOn: (alert: Alert) => Promise<unknown>,
): Promise<void> {
  const outcomes = await Promise.allSettled(alerts.map(actOn));
  const failed = outcomes.flatMap((outcome, i) =>
    outcome.status === 'rejected' ? [{ alert: alerts[i], reason: outcome.reason as unknown }] : [],
  );
  const [first] = failed;
  if (!first) return;
  if (alerts.length === 1) throw first.reason;
  const why = failed.map(
    ({ alert, reason }) =>
      `${alert?.title ?? '?'}: ${reason instanceof Error ? reason.message : String(reason)}`,
  );
  throw new SourceError(
    'http',
    `${failed.length} of ${alerts.length} were not done: ${why.join('; ')}`,
  );
}
