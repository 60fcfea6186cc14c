import { useCallback, useEffect, useRef } from 'react';
import type { IncidentOp } from '../../../shared/incident/apply-op';
import { useApp, useAppState, useIncidents, useUi } from '../../app/app-context';
import { useNow } from '../../app/use-now';
import { IncidentHeader } from './header/incident-header';
import { IncidentPanels, CLOSURE_ANCHOR_ID } from './incident-panels';
import type { ApplyIncidentOp } from './panel-props';
import { ROLE_LINE_CLASS } from './roles/role-chip';
import { RolesStrip } from './roles/roles-strip';
import { Timeline } from '../timeline/timeline';
import { useViewingPresence } from '../sync/use-presence';
import { incidentTimeZone, machineTimeZone } from './zoned-time';

/**
 * One incident: what and where it stands (header), who does what (the roles strip), what
 * happened (timeline, with the scribe's composer), and the side panels. A closed incident stays readable;
 * its editing controls are gone.
 */
export function IncidentView() {
  const { incidentStore, uiStore } = useApp();
  const id = useUi((s) => s.incidentId);
  const view = useUi((s) => s.view);
  const shown = useIncidents((s) => (s.shownId === id ? s.shown : undefined));
  const error = useIncidents((s) => (s.shownId === id ? s.shownError : undefined));
  const settings = useAppState((s) => s.settings?.settings);
  const scale = settings?.severityScale ?? 'sev1-4';
  const zone = incidentTimeZone(settings?.profile.timeZone, machineTimeZone());
  const me = settings?.profile.name;
  const now = useNow(1000);
  const composerRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void incidentStore.actions.show(id);
  }, [incidentStore, id]);
  useViewingPresence(shown ? id : undefined, view === 'incident');

  const apply: ApplyIncidentOp = useCallback(
    (op: IncidentOp) => {
      if (id === undefined) return Promise.reject(new Error('No incident is shown.'));
      return incidentStore.actions.apply(id, op);
    },
    [incidentStore, id],
  );

  // `n` puts the keyboard in the composer (`/` is the timeline's search); Esc gives it back. `r`
  // takes it to the roles strip, which is otherwise a Shift+Tab past every timeline entry away.
  useEffect(() => {
    if (view !== 'incident') return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== 'n' && event.key !== 'r') return;
      const target = event.target as HTMLElement | null;
      if (uiStore.getState().shortcutsOpen || target?.closest('dialog')) return;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const into =
        event.key === 'r'
          ? document.querySelector<HTMLElement>(`.${ROLE_LINE_CLASS}`)
          : composerRef.current;
      if (!into) return;
      event.preventDefault();
      into.focus();
      into.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [uiStore, view]);

  const goToClosure = useCallback(() => {
    const anchor = document.getElementById(CLOSURE_ANCHOR_ID);
    anchor?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    anchor?.focus({ preventScroll: true });
  }, []);

  const back = (
    <button type="button" className="btn" onClick={() => uiStore.actions.showView('incidents')}>
      ← All incidents
    </button>
  );

  if (id === undefined) {
    return (
      <div className="incident">
        {back}
        <p className="muted">No incident chosen.</p>
      </div>
    );
  }
  if (!shown) {
    return (
      <div className="incident">
        {back}
        {error ? (
          <div className="banner banner--danger" role="alert">
            <strong>This incident could not be opened.</strong> {error}
          </div>
        ) : (
          <p className="muted">Opening the incident…</p>
        )}
      </div>
    );
  }

  const { incident } = shown;
  const closed = incident.status === 'closed';
  const repairs = [...(shown.warning ? [shown.warning] : []), ...incident.problems];
  return (
    <article
      className={`incident${closed ? ' incident--closed' : ''}`}
      aria-labelledby="incident-title"
    >
      <div className="incident__nav">
        {back}
        {closed ? <span className="incident__closed-note">Closed — read only</span> : null}
      </div>
      {repairs.length > 0 ? (
        <div className="banner banner--warn" role="alert">
          <strong>This incident’s record was repaired when it was opened.</strong>
          <ul className="banner__list">
            {repairs.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <IncidentHeader
        incident={incident}
        apply={apply}
        now={now}
        scale={scale}
        zone={zone}
        onClose={goToClosure}
      />
      <RolesStrip
        roles={incident.roles}
        apply={apply}
        severity={incident.severity}
        scale={scale}
        zone={zone}
        now={now}
        me={me}
        readOnly={closed}
      />
      <div className="incident__body">
        <div className="incident__main">
          <Timeline
            entries={incident.timeline}
            apply={apply}
            zone={zone}
            now={now}
            readOnly={closed}
            composerRef={composerRef}
            incidentId={incident.id}
          />
        </div>
        <aside className="incident__side" aria-label="Incident panels">
          <IncidentPanels incident={incident} apply={apply} now={now} />
        </aside>
      </div>
    </article>
  );
}
