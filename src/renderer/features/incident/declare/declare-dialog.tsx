import { useEffect, useMemo, useRef, useState } from 'react';
import { SEVERITIES, severityLabel } from '../../../../shared/domain/severity';
import { channelSubjectFromAlerts, titleFromAlerts } from '../../../../shared/incident/alert-title';
import { suggestChannelName } from '../../../../shared/incident/channel';
import { useApp, useAppState, useUi } from '../../../app/app-context';
import { BridgeError, errorMessage } from '../../../bridge/bridge-error';
import { useNow } from '../../../app/use-now';
import { declareRequest, draftFromAlerts, type DeclareDraft } from './declare-draft';
import { incidentTimeZone, machineTimeZone } from '../zoned-time';

/**
 * The declare dialog, open while `ui.declaring` is set: from the alerts ticked (or the one whose
 * details it was opened from), or from scratch. After declaring, the new incident is shown.
 */
export function DeclareDialog() {
  const declaring = useUi((s) => s.declaring);
  const ref = useRef<HTMLDialogElement>(null);
  const { uiStore } = useApp();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (declaring && !dialog.open) dialog.showModal();
    if (!declaring && dialog.open) dialog.close();
  }, [declaring]);
  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby="declare-title"
      onClose={() => uiStore.actions.endDeclare()}
    >
      {declaring ? <DeclareForm alertIds={declaring.alertIds} /> : null}
    </dialog>
  );
}

function DeclareForm(props: { alertIds: readonly string[] }) {
  const { uiStore, incidentStore } = useApp();
  const allAlerts = useAppState((s) => s.alerts);
  const settings = useAppState((s) => s.settings?.settings);
  const scale = settings?.severityScale ?? 'sev1-4';
  const zone = incidentTimeZone(settings?.profile.timeZone, machineTimeZone());
  // Fixed when the dialog opens: alerts that resolve meanwhile are still declared from.
  const [alerts] = useState(() => allAlerts.filter((a) => props.alertIds.includes(a.id)));
  const [draft, setDraft] = useState<DeclareDraft>(() => draftFromAlerts(alerts));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; issues: readonly string[] }>();
  const now = useNow(60_000);
  // While the title is the one derived from the alerts, the channel is named after what the
  // alerts share (`#inc-…-payments`, not `#inc-…-higherrorrate-1-more`); a title typed names it.
  const subject = useMemo(
    () =>
      alerts.length > 0 && draft.title === titleFromAlerts(alerts)
        ? (channelSubjectFromAlerts(alerts) ?? draft.title)
        : draft.title,
    [alerts, draft.title],
  );
  const suggested = useMemo(
    () => suggestChannelName(subject, new Date(now).toISOString(), zone),
    [subject, now, zone],
  );
  const channel = draft.channel ?? suggested;
  const set = (patch: Partial<DeclareDraft>): void => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (): Promise<void> => {
    if (draft.title.trim() === '') {
      setError({ message: 'Give the incident a title.', issues: [] });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const view = await incidentStore.actions.declare(
        declareRequest(draft, props.alertIds, suggested),
      );
      uiStore.actions.clearChecked();
      uiStore.actions.endDeclare();
      uiStore.actions.setFocusComposer(true);
      uiStore.actions.openIncident(view.incident.id);
    } catch (failure) {
      setError({
        message: errorMessage(failure),
        issues: failure instanceof BridgeError ? failure.issues : [],
      });
      setBusy(false);
    }
  };

  return (
    <form
      className="dialog__body declare"
      // The dialog says what is missing itself, as every other refusal; the browser's own
      // bubble would be the one message styled and worded differently.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="declare-title" className="dialog__title">
        {props.alertIds.length === 0
          ? 'New incident'
          : `Declare an incident from ${props.alertIds.length === 1 ? 'this alert' : `${props.alertIds.length} alerts`}`}
      </h2>
      {alerts.length > 0 ? (
        <ul className="declare__alerts" aria-label="Alerts declared from">
          {alerts.map((a) => (
            <li key={a.id}>{a.title}</li>
          ))}
        </ul>
      ) : null}
      <label className="field">
        <span className="field__label">Title</span>
        <input
          className="field__input"
          value={draft.title}
          maxLength={200}
          autoFocus
          aria-invalid={error !== undefined && draft.title.trim() === '' ? true : undefined}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">Severity</span>
        <select
          className="field__input field__input--select"
          value={draft.severity}
          onChange={(e) => set({ severity: e.target.value as DeclareDraft['severity'] })}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {severityLabel(s, scale)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Impact (who is affected, in words a customer reads)</span>
        <textarea
          className="field__input"
          rows={2}
          maxLength={2000}
          value={draft.impact}
          onChange={(e) => set({ impact: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">Affected services (comma-separated)</span>
        <input
          className="field__input"
          value={draft.services}
          onChange={(e) => set({ services: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">Channel</span>
        <input
          className="field__input declare__channel"
          value={channel}
          maxLength={80}
          spellCheck={false}
          onChange={(e) => set({ channel: e.target.value })}
        />
      </label>
      {draft.channel !== undefined && draft.channel !== suggested ? (
        <button
          type="button"
          className="btn btn--link declare__reset"
          onClick={() => set({ channel: undefined })}
        >
          Use the suggestion ({suggested})
        </button>
      ) : null}
      {error ? (
        <div className="form-error" role="alert">
          {error.message}
          {error.issues.length > 0 ? (
            <ul>
              {error.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="dialog__actions dialog__actions--gap">
        <button type="button" className="btn" onClick={() => uiStore.actions.endDeclare()}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Declaring…' : 'Declare incident'}
        </button>
      </div>
    </form>
  );
}
