import { useApp } from '../../app/app-context';
import { AlarmDialog } from './alarm-dialog';

/**
 * My alarm in the main page. In browser mode that is the alarm dialog. In the desktop app the
 * shell's alarm window is the alarm (on top of everything, on every workspace, not closable while
 * it rings); the page's dialog as well would ring a second sound out of step with it and hold
 * the main window modal behind it, so there it is left out.
 */
export function PageAlarm() {
  const { bridge } = useApp();
  return bridge.mode === 'electron' ? null : <AlarmDialog />;
}
