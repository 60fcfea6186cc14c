import { useEffect } from 'react';
import { useApp, useAppState } from '../../app/app-context';
import { applyTheme } from '../../app/theme';
import { AlarmDialogFor } from './alarm-dialog';
import { useAlarms } from './use-alarms';

/** The hash that makes the page the alarm alone: the shell's alarm window loads the app with it. */
export const ALARM_ONLY_HASH = '#alarm';

/**
 * The page as the shell's alarm window (`#alarm`): only the alarm, with its looping sound,
 * Acknowledge and Snooze (Enter, S), and a line saying so when nothing rings any more (the shell
 * then closes the window). Same theme as the app.
 */
export function AlarmWindowView() {
  const { bridge } = useApp();
  const ringing = useAlarms();
  const theme = useAppState((s) => s.settings?.settings.theme ?? 'system');
  useEffect(() => applyTheme(theme, document.documentElement), [theme]);
  useEffect(() => {
    document.title = 'Alarm — On-Call Companion';
  }, []);
  return (
    <main className="alarm-window">
      <h1 className="alarm-window__title">On-Call Companion alarm</h1>
      <p role="status" className="muted">
        {ringing.length === 0 ? 'Nothing is ringing.' : ''}
      </p>
      {/* The shell's window may sound before any key press (its autoplayPolicy); a browser may not. */}
      <AlarmDialogFor ringing={ringing} autoplay={bridge.mode === 'electron'} />
    </main>
  );
}
