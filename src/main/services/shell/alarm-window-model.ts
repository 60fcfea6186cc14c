import { worstAlarmFirst, type AlarmRinging } from '../../../shared/escalation/alarm-ringing';

/** What the alarm window shows: the worst alarm ringing, and how many more ring. */
export interface AlarmWindowShows {
  alertId: string;
  /** The window's title (task switcher, window list): the alert's title, untrusted text. */
  windowTitle: string;
  /** How many other alarms ring besides the one shown. */
  more: number;
}

/**
 * What the shell does with its alarm window after a change of the alarms ringing:
 * - `open`: nothing was shown and an alarm rings;
 * - `raise`: the window is open and another alarm is now the worst (a new page): to the front
 *   and focused again, as a new alarm;
 * - `keep`: the same alarm is still the worst (only the count or its next repeat changed);
 * - `close`: nothing rings any more (acknowledged here or at the source, resolved, snoozed);
 * - `none`: nothing rings and nothing is shown.
 */
export type AlarmWindowDecision =
  { action: 'open' | 'raise' | 'keep'; shows: AlarmWindowShows } | { action: 'close' | 'none' };

const TITLE_MAX = 120;

/**
 * Decides the alarm window from the alarms ringing, as `alarm:changed` carries them.
 * @param ringing - every alarm ringing now
 * @param shownAlertId - the alert the open window shows, or undefined when no window is open
 */
export function decideAlarmWindow(
  ringing: readonly AlarmRinging[],
  shownAlertId: string | undefined,
): AlarmWindowDecision {
  const [worst] = worstAlarmFirst(ringing);
  if (worst === undefined) return { action: shownAlertId === undefined ? 'none' : 'close' };
  const more = ringing.length - 1;
  const title =
    worst.title.length > TITLE_MAX ? `${worst.title.slice(0, TITLE_MAX - 1)}…` : worst.title;
  const shows: AlarmWindowShows = {
    alertId: worst.alertId,
    windowTitle: `SEV1 alarm: ${title}${more > 0 ? ` (+${more} more)` : ''}`,
    more,
  };
  if (shownAlertId === undefined) return { action: 'open', shows };
  return { action: shownAlertId === worst.alertId ? 'keep' : 'raise', shows };
}
