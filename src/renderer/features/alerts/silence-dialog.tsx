import { useEffect, useRef, useState } from 'react';
import { useApp, useAppState, useUi } from '../../app/app-context';
import { parseDurationMinutes, silenceMatchersFor } from './alert-actions';
import { useAlertActions } from './use-alert-actions';
import { MAX_ACTION_MINUTES } from '../../../shared/domain/alert-action';

/**
 * "Silence…" with a length, a reason and, for one alert, the labels it matches (prefilled with
 * all of them; untick the ones that should not count). Open while `ui.silencing` is set.
 */
export function SilenceDialog() {
  const silencing = useUi((s) => s.silencing);
  const ref = useRef<HTMLDialogElement>(null);
  const { uiStore } = useApp();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (silencing && !dialog.open) dialog.showModal();
    if (!silencing && dialog.open) dialog.close();
  }, [silencing]);
  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby="silence-title"
      onClose={() => uiStore.actions.endSilence()}
    >
      {silencing ? <SilenceForm alertIds={silencing.alertIds} /> : null}
    </dialog>
  );
}

function SilenceForm(props: { alertIds: readonly string[] }) {
  const { uiStore } = useApp();
  const actions = useAlertActions();
  const alerts = useAppState((s) => s.alerts);
  const [single] = useState(() =>
    props.alertIds.length === 1 ? alerts.find((a) => a.id === props.alertIds[0]) : undefined,
  );
  const [labels] = useState(() => (single ? silenceMatchersFor(single) : {}));
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [duration, setDuration] = useState('2h');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const count = props.alertIds.length;

  const submit = (): void => {
    const minutes = parseDurationMinutes(duration);
    if (typeof minutes === 'string') return setError(minutes);
    if (minutes < 1 || minutes > MAX_ACTION_MINUTES)
      return setError('A silence lasts from 1 minute to 7 days (7d).');
    if (comment.trim() === '') return setError('Say why, so teammates know (a ticket, a reason).');
    const kept = Object.entries(labels).filter(([name]) => !unticked.has(name));
    if (single && kept.length === 0) return setError('Keep at least one label to match.');
    uiStore.actions.endSilence();
    void actions.run(
      props.alertIds,
      {
        type: 'silence',
        minutes,
        comment: comment.trim(),
        ...(unticked.size > 0 && { matchers: Object.fromEntries(kept) }),
      },
      `Silence ${duration.trim()}`,
    );
  };

  return (
    <form
      className="dialog__body silence__form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="silence-title" className="dialog__title">
        Silence {single ? `“${single.title}”` : `${count} alerts`}
      </h2>
      <label className="field">
        <span className="field__label">For how long (90m, 2h, 1d)</span>
        <input
          className="field__input"
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          autoFocus
        />
      </label>
      <label className="field">
        <span className="field__label">Why</span>
        <input
          className="field__input"
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          placeholder="Deploy in progress, INC-123…"
        />
      </label>
      {single ? (
        <fieldset className="silence__labels">
          <legend>Matching these labels exactly</legend>
          {Object.entries(labels).map(([name, value]) => (
            <label key={name} className="silence__label">
              <input
                type="checkbox"
                checked={!unticked.has(name)}
                onChange={() =>
                  setUnticked((before) => {
                    const next = new Set(before);
                    if (!next.delete(name)) next.add(name);
                    return next;
                  })
                }
              />{' '}
              <span className="chip">
                <span className="chip__key">{name}=</span>
                {value}
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">Each alert is silenced on its own labels.</p>
      )}
      {error ? (
        <p className="details__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={() => uiStore.actions.endSilence()}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary">
          Silence
        </button>
      </div>
    </form>
  );
}
