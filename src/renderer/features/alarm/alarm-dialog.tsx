import { useEffect, useRef, useState } from 'react';
import type { AlarmRinging } from '../../../shared/escalation/alarm-ringing';
import { useApp } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import { startAlarmSound, type AlarmSound, type AlarmSoundState } from './alarm-sound';
import { useAlarms } from './use-alarms';

/**
 * My alarm in the page: while an unacknowledged SEV1 rings, a modal alert dialog (the rest of
 * the page inert, so the keyboard stays in it) with a looping sound, **Acknowledge** (at the
 * source, as the list's Acknowledge: an Alertmanager silence the team sees) and **Snooze**
 * 15 min or 1 h. Enter acknowledges, S snoozes 15 min; Escape does not dismiss it. It goes away
 * by itself when the alert is acknowledged, here or by a teammate at the source, or resolves.
 */
export function AlarmDialog() {
  return <AlarmDialogFor ringing={useAlarms()} />;
}

/**
 * The alarm dialog for the alarms given, worst first (the shell's alarm window, `#alarm`, asks
 * for them itself to say when nothing rings).
 * @param props.autoplay - start the sound at once, without waiting for a click or key: only
 *   where the page is allowed sound without one (the shell's alarm window), else the browser
 *   warns of an AudioContext it will not start
 */
export function AlarmDialogFor(props: { ringing: readonly AlarmRinging[]; autoplay?: boolean }) {
  const { ringing, autoplay = false } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const first = ringing[0];
  const [sound, setSound] = useState<AlarmSoundState>();
  const soundRef = useRef<AlarmSound>(undefined);

  const open = first !== undefined;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first button; Enter must acknowledge, so Acknowledge takes it.
      dialog.querySelector<HTMLButtonElement>('.alarm__acknowledge')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const started = startAlarmSound({ autoplay });
    soundRef.current = started;
    // Asked once the sound has had its chance to start.
    void started.unblock().then(setSound);
    return () => {
      started.stop();
      soundRef.current = undefined;
      setSound(undefined);
    };
  }, [open, autoplay]);

  return (
    <dialog
      ref={ref}
      className="dialog alarm"
      role="alertdialog"
      aria-labelledby="alarm-title"
      aria-describedby="alarm-what"
      data-sound={sound}
      // An alarm is answered, not dismissed: Escape leaves it ringing.
      onCancel={(event) => event.preventDefault()}
      onPointerDown={() => void soundRef.current?.unblock().then(setSound)}
    >
      {first ? (
        <AlarmBody
          key={first.alertId}
          alarm={first}
          more={ringing.length - 1}
          sound={sound}
          onUnblock={() => void soundRef.current?.unblock().then(setSound)}
        />
      ) : null}
    </dialog>
  );
}

function AlarmBody(props: {
  alarm: AlarmRinging;
  more: number;
  sound: AlarmSoundState | undefined;
  onUnblock: () => void;
}) {
  const { bridge } = useApp();
  const { alarm } = props;
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const ackRef = useRef<HTMLButtonElement>(null);
  // Another alert's alarm in the same open dialog: Acknowledge has the focus again.
  useEffect(() => ackRef.current?.focus(), []);

  const run = async (label: string, job: () => Promise<string | undefined>): Promise<void> => {
    if (busy) return;
    setBusy(label);
    setError(undefined);
    try {
      const failure = await job();
      if (failure) setError(failure);
    } catch (e) {
      setError(`${label} failed: ${errorMessage(e)}`);
    } finally {
      setBusy(undefined);
    }
  };
  // Goes to the source of truth; the alarm stops when the source says it is acknowledged.
  const acknowledge = () =>
    run('Acknowledge', async () => {
      const { results } = await bridge.invoke('alert:act', {
        alertIds: [alarm.alertId],
        action: { type: 'acknowledge' },
      });
      const failed = results.find((r) => !r.ok);
      return failed ? `Acknowledge failed: ${failed.error ?? 'the source refused'}` : undefined;
    });
  const snooze = (minutes: number) =>
    run(`Snooze ${minutes} min`, async () => {
      await bridge.invoke('alarm:snooze', { alertId: alarm.alertId, minutes });
      return undefined;
    });

  return (
    <div
      className="dialog__body"
      // A click on the text keeps the keyboard here, where Enter and S work.
      tabIndex={-1}
      onKeyDown={(event) => {
        props.onUnblock();
        if (event.key === 'Tab') return keepFocusWithin(event);
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        if (event.key === 's' || event.key === 'S') {
          event.preventDefault();
          void snooze(15);
        } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
          event.preventDefault();
          void acknowledge();
        }
      }}
    >
      <h2 id="alarm-title" className="dialog__title alarm__title">
        SEV1 firing — not acknowledged
      </h2>
      <p id="alarm-what" className="alarm__what">
        {alarm.title}
      </p>
      {props.more > 0 ? (
        <p className="muted">
          and {props.more} more SEV1 {props.more === 1 ? 'alert' : 'alerts'} ringing
        </p>
      ) : null}
      {props.sound === 'blocked' ? (
        <p className="muted">
          The browser holds the sound back until you press a key or click here.
        </p>
      ) : null}
      {error ? (
        <p className="details__error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="muted alarm__keys">
        <kbd>Enter</kbd> acknowledges · <kbd>S</kbd> snoozes 15 min
      </p>
      <div className="dialog__actions alarm__actions">
        <button
          type="button"
          className="btn"
          aria-disabled={busy !== undefined}
          onClick={() => void snooze(15)}
        >
          Snooze 15 min
        </button>
        <button
          type="button"
          className="btn"
          aria-disabled={busy !== undefined}
          onClick={() => void snooze(60)}
        >
          Snooze 1 h
        </button>
        <button
          ref={ackRef}
          type="button"
          className="btn btn--primary alarm__acknowledge"
          aria-disabled={busy !== undefined}
          onClick={() => void acknowledge()}
        >
          {busy === 'Acknowledge' ? 'Acknowledging…' : 'Acknowledge'}
        </button>
      </div>
    </div>
  );
}

/**
 * Tab and Shift+Tab go round the alarm's buttons: a modal dialog makes the page inert, but Tab
 * past its last button would still leave it for the browser's own controls.
 */
function keepFocusWithin(event: React.KeyboardEvent<HTMLElement>): void {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button')];
  const first = buttons[0];
  const last = buttons.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
