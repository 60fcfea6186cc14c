import { useEffect, useState } from 'react';
import type { Alert } from '../../../shared/domain/alert';
import type { AlertEscalationView } from '../../../shared/escalation/alert-escalation-view';
import { latenessText } from '../../../shared/escalation/due-deadlines';
import { useApp } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import { formatClockTime, formatIn } from '../../components/time-format';
import type { OutboundRecordEntry } from '../../../shared/ipc/outbound-schemas';

// What each outbound action did, before its target: "paged channel Ops", "said acknowledged to …".
const ACTION_WORDS: Record<OutboundRecordEntry['action'], string> = {
  trigger: 'paged ',
  acknowledge: 'said acknowledged to ',
  resolve: 'said resolved to ',
  test: 'test page to ',
};

/**
 * An alert's escalation in its details: the policy, the level reached, the next step and when,
 * and every page sent for it with its result. Asked again whenever the alert's state changes or
 * a page is recorded.
 */
export function AlertEscalation(props: { alert: Alert; now: number }) {
  const { bridge } = useApp();
  const { alert, now } = props;
  const [view, setView] = useState<AlertEscalationView>();
  const [error, setError] = useState<string>();
  const state = `${alert.status}|${alert.ack?.at ?? ''}`;
  useEffect(() => {
    let live = true;
    const load = () =>
      bridge.invoke('alert:escalation', { alertId: alert.id }).then(
        (answer) => {
          if (!live) return;
          setView(answer);
          setError(undefined);
        },
        (e: unknown) => live && setError(errorMessage(e)),
      );
    void load();
    const off = bridge.on('outbound:recorded', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [bridge, alert.id, state]);

  return (
    <section className="fields escalation" aria-labelledby={`escalation-${alert.fingerprint}`}>
      <h3 className="fields__title" id={`escalation-${alert.fingerprint}`}>
        Escalation
      </h3>
      {error ? <p className="details__error">{error}</p> : null}
      {view ? <EscalationFacts view={view} now={now} /> : null}
    </section>
  );
}

function EscalationFacts(props: { view: AlertEscalationView; now: number }) {
  const { view, now } = props;
  if (!view.policy) return <p className="muted">No escalation: {view.reason}.</p>;
  const late = view.lateMs === undefined ? undefined : latenessText(view.lateMs);
  return (
    <>
      <p>
        Policy: {view.policy.name}.{' '}
        {view.level === undefined
          ? 'No level reached yet.'
          : `Level ${view.level} reached${
              view.levelAt ? ` at ${formatClockTime(new Date(view.levelAt), new Date(now))}` : ''
            }${late ? ` (${late})` : ''}${
              view.levelSkipped ? ', skipped: nobody on call in its schedules' : ''
            }.`}
      </p>
      <p>
        {view.next ? (
          <>
            Next: level {view.next.level}, {view.next.targets.join(', ')},{' '}
            <span className="tabular">{formatIn(Date.parse(view.next.dueAt), now)}</span> (
            {formatClockTime(new Date(view.next.dueAt), new Date(now))})
            {view.later > 0 ? `; ${view.later} more after it` : ''}.
          </>
        ) : (
          'Nothing more to come (acknowledged, resolved, or every level done).'
        )}
      </p>
      {view.actions.length > 0 ? (
        <ul className="escalation__actions">
          {view.actions.map((entry) => (
            <li key={entry.id}>
              <span className="tabular">{formatClockTime(new Date(entry.at), new Date(now))}</span>{' '}
              {entry.level !== undefined ? `level ${entry.level}: ` : ''}
              {ACTION_WORDS[entry.action]}
              {entry.target} —{' '}
              <span className={entry.result === 'failed' ? 'details__error' : undefined}>
                {entry.result}
                {entry.attempts > 1 ? ` after ${entry.attempts} attempts` : ''}
                {entry.reason ? `: ${entry.reason}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nobody else paged yet.</p>
      )}
    </>
  );
}
