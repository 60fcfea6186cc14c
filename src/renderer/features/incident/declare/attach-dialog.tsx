import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp, useAppState, useIncidents, useUi } from '../../../app/app-context';
import { useNow } from '../../../app/use-now';
import { errorMessage } from '../../../bridge/bridge-error';
import { SeverityBadge } from '../../../components/severity-badge';
import { attachOutcome } from './attach-outcome';
import { groupIncidents } from '../incident-groups';
import { STATUS_WORDS } from '../lifecycle-step';
import {
  formatZonedFull,
  formatZonedShort,
  incidentTimeZone,
  machineTimeZone,
} from '../zoned-time';

/**
 * "Add to incident…", open while `ui.attaching` is set: the open incidents as options (worst,
 * newest first, the first chosen), then the alerts are added to the one chosen and it is shown.
 * Loaded at start-up with the alerts view, so it must stay clear of yjs (see app.tsx).
 */
export function AttachDialog() {
  const attaching = useUi((s) => s.attaching);
  const ref = useRef<HTMLDialogElement>(null);
  const { uiStore } = useApp();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (attaching && !dialog.open) dialog.showModal();
    if (!attaching && dialog.open) dialog.close();
  }, [attaching]);
  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby="attach-title"
      onClose={() => uiStore.actions.endAttach()}
    >
      {attaching ? (
        <AttachForm alertIds={attaching.alertIds} fromSelection={attaching.fromSelection} />
      ) : null}
    </dialog>
  );
}

function AttachForm(props: { alertIds: readonly string[]; fromSelection: boolean }) {
  const { uiStore, incidentStore } = useApp();
  const allAlerts = useAppState((s) => s.alerts);
  const settings = useAppState((s) => s.settings?.settings);
  const scale = settings?.severityScale ?? 'sev1-4';
  const zone = incidentTimeZone(settings?.profile.timeZone, machineTimeZone());
  const list = useIncidents((s) => s.list);
  const open = useMemo(() => groupIncidents(list?.incidents ?? []).open, [list]);
  // Fixed when the dialog opens, as in the declare dialog.
  const [alerts] = useState(() => allAlerts.filter((a) => props.alertIds.includes(a.id)));
  const [chosen, setChosen] = useState<string | undefined>(() => open[0]?.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // Set when nothing was new to the chosen incident: the dialog stays to say so.
  const [nothingAdded, setNothingAdded] = useState<{ id: string; text: string }>();
  const now = useNow(60_000);
  const target = open.find((incident) => incident.id === chosen) ?? open[0];
  const count = props.alertIds.length;

  const finish = (id: string, notice?: string): void => {
    if (props.fromSelection) uiStore.actions.clearChecked();
    uiStore.actions.endAttach();
    uiStore.actions.openIncident(id, notice);
  };

  const submit = async (): Promise<void> => {
    if (!target) return;
    setBusy(true);
    setError(undefined);
    setNothingAdded(undefined);
    try {
      const { added } = await incidentStore.actions.attachAlerts(target.id, props.alertIds);
      const text = attachOutcome(count, added);
      if (added === 0) {
        setNothingAdded({ id: target.id, text });
        setBusy(false);
        return;
      }
      finish(target.id, text);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form
      className="dialog__body declare attach"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        // Enter on an option adds, as it would in a text field of the form.
        const el = event.target as HTMLElement;
        if (event.key === 'Enter' && el instanceof HTMLInputElement && el.type === 'radio') {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <h2 id="attach-title" className="dialog__title">
        Add {count === 1 ? 'this alert' : `${count} alerts`} to an incident
      </h2>
      {alerts.length > 0 ? (
        <ul className="declare__alerts" aria-label="Alerts to add">
          {alerts.map((a) => (
            <li key={a.id}>{a.title}</li>
          ))}
        </ul>
      ) : null}
      {open.length === 0 ? (
        <p className="muted">No incident is open any more. Declare one from the alerts instead.</p>
      ) : (
        <fieldset className="attach__options">
          <legend className="field__label">Open incidents, worst and newest first</legend>
          {open.map((incident, index) => (
            <label
              key={incident.id}
              className={`attach__option attach__option--${incident.severity}`}
            >
              <input
                type="radio"
                name="attach-incident"
                value={incident.id}
                checked={incident.id === target?.id}
                autoFocus={index === 0}
                onChange={() => {
                  setChosen(incident.id);
                  setNothingAdded(undefined);
                }}
              />
              <SeverityBadge severity={incident.severity} scale={scale} />
              <span className="attach__main">
                <span className="attach__title">{incident.title}</span>
                <span className="attach__facts">
                  <span className={`lifecycle lifecycle--${incident.status}`}>
                    {STATUS_WORDS[incident.status]}
                  </span>
                  {incident.declaredAt ? (
                    <span className="tabular" title={formatZonedFull(incident.declaredAt, zone)}>
                      declared {formatZonedShort(incident.declaredAt, zone, now)}
                    </span>
                  ) : null}
                  <span>IC: {incident.commander ?? 'unassigned'}</span>
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {nothingAdded ? (
        <p className="attach__already" role="status">
          {nothingAdded.text}{' '}
          <button type="button" className="btn btn--link" onClick={() => finish(nothingAdded.id)}>
            Show the incident
          </button>
        </p>
      ) : null}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="dialog__actions dialog__actions--gap">
        <button type="button" className="btn" onClick={() => uiStore.actions.endAttach()}>
          {nothingAdded ? 'Close' : 'Cancel'}
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy || !target}>
          {busy ? 'Adding…' : 'Add to incident'}
        </button>
      </div>
    </form>
  );
}
