import type { Alert } from '../../../shared/domain/alert';
import { ackEndingSoon } from '../../../shared/domain/alert-state';
import { formatDuration, formatTimestamp } from '../../components/time-format';

/**
 * Why an alert is quiet, in words: who acknowledged it and until when (and that it ends soon),
 * each silence with its author, comment and end, or that another alert inhibits it. Silenced
 * and inhibited are told apart; the text is the source's, shown as text.
 */
export function MutedFacts(props: { alert: Alert; now: number }) {
  const { alert, now } = props;
  const { ack } = alert;
  const silences = (alert.silences ?? []).filter((s) => s.id !== ack?.ref);
  const inhibitors = alert.inhibitedBy ?? [];
  if (!ack && silences.length === 0 && inhibitors.length === 0) return null;
  const until = (iso: string): string =>
    `${formatTimestamp(new Date(iso))} (in ${formatDuration(Date.parse(iso) - now)})`;
  return (
    <ul className="muted-facts">
      {ack ? (
        <li className={ackEndingSoon(alert, now) ? 'muted-facts__ending' : undefined}>
          Acknowledged by <strong>{ack.by}</strong> at{' '}
          <span className="tabular">{formatTimestamp(new Date(ack.at))}</span>
          {ack.until ? (
            <>
              , until <span className="tabular">{until(ack.until)}</span>
            </>
          ) : null}
          {ack.comment ? <> — “{ack.comment}”</> : null}
        </li>
      ) : null}
      {silences.map((silence) => (
        <li key={silence.id}>
          Silenced by <strong>{silence.createdBy}</strong> until{' '}
          <span className="tabular">{until(silence.endsAt)}</span>
          {silence.comment ? <> — “{silence.comment}”</> : null}
        </li>
      ))}
      {inhibitors.length > 0 ? (
        <li>
          Inhibited: muted while{' '}
          {inhibitors.length === 1
            ? 'another alert fires'
            : `${inhibitors.length} other alerts fire`}{' '}
          (an inhibition rule at the source), not silenced.
        </li>
      ) : null}
    </ul>
  );
}
