import { useRef } from 'react';
import type { Alert } from '../../../shared/domain/alert';
import { runbookUrlAnnotation } from '../../../shared/domain/runbook';
import { useApp, useAppState } from '../../app/app-context';
import { useBridgeAnswer } from '../../app/use-bridge-answer';
import { runbookLink } from '../alerts/alert-fields';
import { NoRunbookMatch } from './no-runbook-match';
import { stepCountText } from './runbook-format';
import { useReturnFocus } from './use-return-focus';

/** The `data-runbook-opener` of a control, focused again when the runbook is closed. */
function openerKey(alertId: string, what: string): string {
  return `${alertId}\u0000${what}`;
}

/**
 * The "Runbooks" part of an alert's details: where its runbook_url leads (a page outside the
 * app, a runbook of the folder, or refused and why) and the runbooks whose front matter matches
 * its labels, best first. Asks the app again when the alert or the runbook folder changes.
 */
export function AlertRunbooks(props: { alert: Alert; openLink: (url: string) => void }) {
  const { alert, openLink } = props;
  const { uiStore } = useApp();
  const revision = useAppState((s) => s.runbooksRevision);
  const folder = useAppState((s) => s.runbooks);
  const sectionRef = useRef<HTMLElement>(null);
  // Labels and annotations decide the answer; the alert object itself changes on every update.
  const key = JSON.stringify([alert.id, revision, alert.labels, alert.annotations]);
  const answer = useBridgeAnswer(key, (bridge) =>
    bridge.invoke('runbooks:forAlert', { alertId: alert.id }),
  );
  useReturnFocus(sectionRef, answer);

  const open = (id: string, fragment: string | undefined, opener: string): void =>
    uiStore.actions.openRunbook(fragment === undefined ? { id } : { id, fragment }, opener);
  const titleOf = (id: string): string =>
    folder?.runbooks.find((runbook) => runbook.id === id)?.title ?? id;
  const link = runbookUrlAnnotation(alert.annotations);
  // The last answer stays on screen while a newer one is on its way.
  const value = answer !== undefined && 'value' in answer ? answer.value : undefined;

  return (
    <section className="alert-runbooks" aria-label="Runbooks" ref={sectionRef}>
      <h3 className="fields__title">Runbooks</h3>
      {answer === undefined ? (
        <p className="muted">Looking for runbooks…</p>
      ) : 'error' in answer ? (
        <RunbooksUnavailable alert={alert} reason={answer.error} openLink={openLink} />
      ) : null}

      {value?.runbookUrl && link ? (
        <div className="alert-runbooks__link">
          {value.runbookUrl.kind === 'external' ? (
            <>
              <button
                type="button"
                className="btn btn--small btn--primary"
                onClick={() =>
                  value.runbookUrl?.kind === 'external' && openLink(value.runbookUrl.url)
                }
                title={value.runbookUrl.url}
              >
                Open runbook ↗
              </button>
              <span className="alert-runbooks__where muted">{value.runbookUrl.url}</span>
            </>
          ) : value.runbookUrl.kind === 'local' ? (
            <button
              type="button"
              className="btn btn--small btn--primary"
              data-runbook-opener={openerKey(alert.id, `${link.name}`)}
              onClick={() =>
                value.runbookUrl?.kind === 'local' &&
                open(value.runbookUrl.id, value.runbookUrl.fragment, openerKey(alert.id, link.name))
              }
            >
              Open runbook: {titleOf(value.runbookUrl.id)}
            </button>
          ) : (
            <p className="alert-runbooks__refused">
              The alert’s <code>{link.name}</code> was not opened: {value.runbookUrl.reason}. It
              reads <code className="alert-runbooks__value">{link.value}</code>
            </p>
          )}
        </div>
      ) : null}

      {value === undefined ? null : value.runbooks.length > 0 ? (
        <ul className="runbook-matches">
          {value.runbooks.map((runbook) => (
            <li key={runbook.id} className="runbook-matches__item">
              <button
                type="button"
                className="btn btn--link runbook-matches__open"
                data-runbook-opener={openerKey(alert.id, runbook.id)}
                onClick={() => open(runbook.id, undefined, openerKey(alert.id, runbook.id))}
              >
                {runbook.title}
              </button>
              <span className="runbook-matches__facts muted">
                <code className="path">{runbook.id}</code>
                {' · '}
                {stepCountText(runbook.stepCount)}
                {runbook.owner ? ` · ${runbook.owner}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <NoRunbookMatch what="this alert’s labels" />
      )}
    </section>
  );
}

/** The app could not answer: say why, and still offer an http(s) runbook link the alert has. */
function RunbooksUnavailable(props: {
  alert: Alert;
  reason: string;
  openLink: (url: string) => void;
}) {
  const fallback = runbookLink(props.alert);
  return (
    <p className="details__error">
      Runbooks could not be looked up: {props.reason}{' '}
      {fallback ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => props.openLink(fallback)}
          title={fallback}
        >
          Open runbook ↗
        </button>
      ) : null}
    </p>
  );
}
