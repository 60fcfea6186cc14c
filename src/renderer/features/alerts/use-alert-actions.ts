import { useCallback, useMemo } from 'react';
import type { Alert } from '../../../shared/domain/alert';
import type { AlertAction, AlertActionType } from '../../../shared/domain/alert-action';
import { useApp, useAppState } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import { actionOutcome } from './alert-actions';

/** What each source can do, by source id, and a way to run an action on alerts. */
export interface AlertActions {
  /** What the alert's source can do (its status' `actions`). */
  can(alert: Alert): readonly AlertActionType[];
  /**
   * Send the action for these alerts through `alert:act`; the outcome (with each failure's
   * reason) lands in the UI store, shown above the list and on the rows that failed.
   */
  run(alertIds: readonly string[], action: AlertAction, label: string): Promise<void>;
}

const NOTHING: readonly AlertActionType[] = [];

/** The alert actions, for the list, the details, the silence form and the keyboard. */
export function useAlertActions(): AlertActions {
  const { bridge, appStore, uiStore } = useApp();
  const sources = useAppState((s) => s.sources);
  const bySource = useMemo(() => new Map(sources.map((s) => [s.sourceId, s.actions])), [sources]);
  const can = useCallback((alert: Alert) => bySource.get(alert.sourceId) ?? NOTHING, [bySource]);
  const run = useCallback(
    async (alertIds: readonly string[], action: AlertAction, label: string) => {
      const titleOf = (id: string): string =>
        appStore.getState().alerts.find((a) => a.id === id)?.title ?? id;
      uiStore.actions.setActionOutcome({ text: `${label}…`, failed: new Map() });
      try {
        const { results } = await bridge.invoke('alert:act', {
          alertIds: [...alertIds],
          action,
        });
        uiStore.actions.setActionOutcome(actionOutcome(label, results, titleOf));
      } catch (error) {
        const reason = errorMessage(error);
        uiStore.actions.setActionOutcome({
          text: `${label} failed: ${reason}`,
          failed: new Map(alertIds.map((id) => [id, reason])),
        });
      }
    },
    [bridge, appStore, uiStore],
  );
  return useMemo(() => ({ can, run }), [can, run]);
}
