import { PartBoundary } from '../../components/part-boundary';
import { ActionItemsPanel } from './action-items/action-items-panel';
import { ClosurePanel } from './closure/closure-panel';
import { IncidentAlertsPanel } from './alerts/incident-alerts-panel';
import { IncidentRunbooksPanel } from './runbooks/incident-runbooks-panel';
import type { IncidentPanelProps } from './panel-props';
import { StatusUpdatePanel } from './status-updates/status-update-panel';

/** Id of the wrapper around the closure panel: "Close…" in the header moves the focus there. */
export const CLOSURE_ANCHOR_ID = 'incident-closure';

/**
 * The side panels: first the alerts (what fired, and whether it still does: the facts the rest
 * acts on, and the runbooks below are matched from them), then in the order they are used during
 * an incident: status updates, runbooks, action items, closure.
 */
export function IncidentPanels(props: IncidentPanelProps) {
  return (
    <>
      {/* Each panel fails alone (the runbooks one renders Markdown from the runbook folder). */}
      <PartBoundary part="the incident's alerts">
        <IncidentAlertsPanel {...props} />
      </PartBoundary>
      <PartBoundary part="the status updates">
        <StatusUpdatePanel {...props} />
      </PartBoundary>
      <PartBoundary part="the incident's runbooks">
        <IncidentRunbooksPanel {...props} />
      </PartBoundary>
      <PartBoundary part="the action items">
        <ActionItemsPanel {...props} />
      </PartBoundary>
      <div id={CLOSURE_ANCHOR_ID} tabIndex={-1} className="incident__anchor">
        <PartBoundary part="the closure checklist">
          <ClosurePanel {...props} />
        </PartBoundary>
      </div>
    </>
  );
}
