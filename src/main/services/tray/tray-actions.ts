import type { Alert } from '../../../shared/domain/alert';
import { NoAlarmError, type Escalation } from '../escalation/create-escalation';
import type { SourceManager } from '../sources/source-manager';
import { trayLabel } from './tray-label';
import { unacknowledgedFiring, type TrayAction } from './tray-model';

/** What the tray's (and the shortcut's) actions need: the same services the alert list uses. */
export interface TrayActionDeps {
  /** Acknowledging goes to the source of truth, as from the alert list and the alarm. */
  sources: Pick<SourceManager, 'act'>;
  /** Snooze and do-not-disturb, as from the alarm. */
  escalation: Pick<Escalation, 'snooze' | 'doNotDisturb'>;
  /** Every alert as the sources report it now. */
  alerts: () => readonly Alert[];
  /** Who acts: the profile name, else the OS user (as on the alert list). */
  actor: () => string;
  /** Bring the window forward (on one alert when given). */
  open: (alertId?: string) => void;
  quit: () => void;
  /** Tell the user an action failed: a menu has nowhere to show it, so the shell notifies. */
  report: (message: string) => void;
}

/** The tray's actions, with nothing of Electron in them. */
export interface TrayActions {
  /** Carry out a menu entry; resolves once done, a failure reported, never thrown. */
  run(action: TrayAction): Promise<void>;
  /** Acknowledge the most urgent alert firing unacknowledged (the second shortcut). */
  acknowledgeMostUrgent(): Promise<void>;
}

/**
 * The tray's actions over the same service calls as the IPC handlers: `alert:act` acknowledge
 * (so acknowledging reaches the source and stops every repeat and pending level), `alarm:snooze`
 * and `alarm:doNotDisturb`. A failure is reported in words, never swallowed.
 * @param deps - the services and the shell's window and report
 */
export function createTrayActions(deps: TrayActionDeps): TrayActions {
  const titleOf = (alertId: string): string =>
    trayLabel(deps.alerts().find((a) => a.id === alertId)?.title ?? alertId);

  const acknowledge = async (alertId: string): Promise<void> => {
    const [result] = await deps.sources.act([alertId], { type: 'acknowledge' }, deps.actor());
    if (result && !result.ok) {
      deps.report(
        `Acknowledge "${titleOf(alertId)}" failed: ${result.error ?? 'the source refused'}`,
      );
    }
  };

  const run = async (action: TrayAction): Promise<void> => {
    switch (action.type) {
      case 'open':
        return deps.open();
      case 'openAlert':
        return deps.open(action.alertId);
      case 'quit':
        return deps.quit();
      case 'acknowledge':
        return acknowledge(action.alertId);
      case 'snooze':
        await deps.escalation.snooze(action.alertId, action.minutes);
        return;
      case 'doNotDisturb':
        await deps.escalation.doNotDisturb(action.on);
        return;
    }
  };

  return {
    async run(action) {
      try {
        await run(action);
      } catch (error) {
        deps.report(failure(action, error, titleOf));
      }
    },
    async acknowledgeMostUrgent() {
      const [first] = unacknowledgedFiring(deps.alerts());
      if (!first) {
        deps.report('Nothing to acknowledge: no alert is firing unacknowledged.');
        return;
      }
      try {
        await acknowledge(first.id);
      } catch (error) {
        deps.report(failure({ type: 'acknowledge', alertId: first.id }, error, titleOf));
      }
    },
  };
}

function failure(action: TrayAction, error: unknown, titleOf: (alertId: string) => string): string {
  const reason = error instanceof Error ? error.message : String(error);
  switch (action.type) {
    case 'acknowledge':
      return `Acknowledge "${titleOf(action.alertId)}" failed: ${reason}`;
    case 'snooze':
      return error instanceof NoAlarmError
        ? `Nothing to snooze for "${titleOf(action.alertId)}": it has no alarm repeating and no escalation pending.`
        : `Snooze "${titleOf(action.alertId)}" failed: ${reason}`;
    case 'doNotDisturb':
      return `Do not disturb could not be turned ${action.on ? 'on' : 'off'}: ${reason}`;
    default:
      return `${action.type} failed: ${reason}`;
  }
}
