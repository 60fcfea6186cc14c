import { lazy, Suspense, useRef, useState } from 'react';
import { useApp, useAppState } from '../../../app/app-context';
import { useBridgeAnswer } from '../../../app/use-bridge-answer';
import { NoRunbookMatch } from '../../runbooks/no-runbook-match';
import { useReturnFocus } from '../../runbooks/use-return-focus';
import type { IncidentPanelProps } from '../panel-props';
import { usePanelSettings } from '../panel-settings';
import { stepProgressText, stepTicks } from './runbook-steps';
import '../panels.css';

// The Markdown renderer is the app's largest dependency: like the runbook page (app.tsx), the
// part that renders a runbook is its own chunk, loaded when a runbook is first opened here.
const IncidentRunbookBody = lazy(() =>
  import('./incident-runbook-body').then((module) => ({ default: module.IncidentRunbookBody })),
);

/** The `data-runbook-opener` of a control, focused again when the runbook page is closed. */
function openerKey(incidentId: string, runbookId: string): string {
  return `incident\u0000${incidentId}\u0000${runbookId}`;
}

/**
 * The runbooks matched to the incident (from the alerts it was declared from), each opened in
 * place with its steps tickable on this incident. A lone match opens by itself.
 */
export function IncidentRunbooksPanel({ incident, apply, now }: IncidentPanelProps) {
  const { uiStore } = useApp();
  const { zone } = usePanelSettings();
  const revision = useAppState((s) => s.runbooksRevision);
  const [expanded, setExpanded] = useState<Readonly<Record<string, boolean>>>({});
  const sectionRef = useRef<HTMLElement>(null);
  // What the match depends on; the incident object itself changes with every tick.
  const key = JSON.stringify([
    incident.id,
    revision,
    incident.sourceAlerts.map((alert) => alert.labels),
    incident.affectedServices,
  ]);
  const answer = useBridgeAnswer(key, async (bridge) => {
    const { runbooks } = await bridge.invoke('runbooks:forIncident', { incidentId: incident.id });
    return runbooks;
  });
  useReturnFocus(sectionRef, answer);

  // The last answer stays on screen while a newer one is on its way.
  const runbooks = answer !== undefined && 'value' in answer ? answer.value : undefined;
  const isOpen = (id: string): boolean => expanded[id] ?? runbooks?.length === 1;

  return (
    <section
      className="incident-section incident-runbooks"
      aria-labelledby="incident-runbooks-title"
      ref={sectionRef}
    >
      <div className="incident-section__head">
        <h2 id="incident-runbooks-title" className="incident-section__title">
          Runbooks
        </h2>
        {runbooks !== undefined && runbooks.length > 0 ? (
          <span className="incident-section__hint muted">{runbooks.length} matched</span>
        ) : null}
      </div>
      {answer === undefined ? (
        <p className="muted">Looking for runbooks…</p>
      ) : 'error' in answer ? (
        <p className="op-error" role="alert">
          Runbooks could not be looked up: {answer.error}
        </p>
      ) : null}
      {runbooks === undefined ? null : runbooks.length === 0 ? (
        <NoRunbookMatch what="this incident’s alerts" />
      ) : (
        <ul className="incident-runbooks__list">
          {runbooks.map((runbook) => {
            const open = isOpen(runbook.id);
            const bodyId = `incident-runbook-${runbook.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
            return (
              <li key={runbook.id} className="incident-runbook">
                <div className="incident-runbook__head">
                  <button
                    type="button"
                    className="incident-runbook__toggle"
                    aria-expanded={open}
                    aria-controls={bodyId}
                    onClick={() => setExpanded((before) => ({ ...before, [runbook.id]: !open }))}
                  >
                    <span className="incident-runbook__caret" aria-hidden="true">
                      {open ? '▾' : '▸'}
                    </span>
                    {runbook.title}
                  </button>
                  <span className="incident-runbook__facts muted">
                    {stepProgressText(
                      runbook.stepCount,
                      stepTicks(incident.runbookSteps, runbook.id),
                    )}
                    {runbook.owner ? ` · ${runbook.owner}` : ''}
                  </span>
                  <button
                    type="button"
                    className="btn btn--small btn--link"
                    data-runbook-opener={openerKey(incident.id, runbook.id)}
                    aria-label={`Open “${runbook.title}” as a page`}
                    onClick={() =>
                      uiStore.actions.openRunbook(
                        { id: runbook.id },
                        openerKey(incident.id, runbook.id),
                      )
                    }
                  >
                    Full page
                  </button>
                </div>
                {open ? (
                  <div id={bodyId}>
                    <Suspense fallback={<p className="muted">Loading the runbook…</p>}>
                      <IncidentRunbookBody
                        runbookId={runbook.id}
                        incident={incident}
                        apply={apply}
                        now={now}
                        zone={zone}
                      />
                    </Suspense>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
