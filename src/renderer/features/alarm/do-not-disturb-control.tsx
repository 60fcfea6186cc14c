import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  doNotDisturbActive,
  doNotDisturbChoices,
  doNotDisturbMeaning,
  doNotDisturbText,
  type DoNotDisturbChoice,
} from '../../../shared/escalation/do-not-disturb';
import { useApp, useAppState } from '../../app/app-context';
import { useNow } from '../../app/use-now';
import { errorMessage } from '../../bridge/bridge-error';
import { incidentTimeZone, machineTimeZone } from '../incident/zoned-time';
import { useDoNotDisturb } from './use-do-not-disturb';

/**
 * The header's do-not-disturb: its state at a glance ("Do not disturb until 07:00") and a small
 * popover to turn it on for 1 h, until the morning, until turned off, or off, saying what it
 * means. Keyboard: Enter/Space opens, arrows or Tab move, Esc closes and returns focus.
 */
export function DoNotDisturbControl() {
  const { bridge } = useApp();
  const state = useDoNotDisturb();
  const scale = useAppState((s) => s.settings?.settings.severityScale ?? 'sev1-4');
  const zone = incidentTimeZone(
    useAppState((s) => s.settings?.settings.profile.timeZone),
    machineTimeZone(),
  );
  // A timed do-not-disturb ends with nothing pushed: the clock shows it ended.
  const now = useNow(15_000);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const active = doNotDisturbActive(state, now);
  const text = doNotDisturbText(state, now, zone);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  if (!state) return null;

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const choose = async (choice: DoNotDisturbChoice) => {
    setBusy(true);
    setError(undefined);
    try {
      const request =
        choice.kind === 'for'
          ? { on: true, minutes: choice.minutes }
          : choice.kind === 'until'
            ? { on: true, until: choice.until }
            : { on: choice.kind === 'on' };
      await bridge.invoke('alarm:doNotDisturb', request);
      close();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const onPanelKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...(panel.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  };

  return (
    <div className="dnd">
      <button
        ref={button}
        type="button"
        className={`dnd__toggle${active ? ' dnd__toggle--on' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        data-dnd={active ? 'on' : 'off'}
        title={doNotDisturbMeaning(scale)}
        onClick={() => setOpen(!open)}
      >
        <span className="dnd__mark" aria-hidden="true" />
        {text ?? 'Do not disturb: off'}
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          className="dnd__panel"
          role="group"
          aria-label="Do not disturb"
          onKeyDown={onPanelKey}
        >
          <p className="dnd__meaning">{doNotDisturbMeaning(scale)}</p>
          <div className="dnd__choices">
            {doNotDisturbChoices(active, now, zone).map((choice) => (
              <button
                key={choice.kind}
                type="button"
                className="dnd__choice"
                disabled={busy}
                onClick={() => void choose(choice)}
              >
                {choice.label}
              </button>
            ))}
          </div>
          {error ? (
            <p className="dnd__error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
