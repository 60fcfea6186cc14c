import { useCallback, useState } from 'react';
import type { IncidentOp } from '../../../shared/incident/apply-op';
import { errorMessage } from '../../bridge/bridge-error';
import type { ApplyIncidentOp } from './panel-props';

/** One control's use of `apply`: whether it is waiting, and why the app refused. */
export interface OpRunner {
  /** Resolves to what the op created, or undefined when refused (the reason is in `error`). */
  run(op: IncidentOp): Promise<{ createdId?: string } | undefined>;
  busy: boolean;
  error: string | undefined;
  clearError(): void;
}

/**
 * Run incident operations from one control and keep the refusal next to it: the message is shown
 * where the user acted, not in a banner far away.
 * @param apply - the view's apply
 */
export function useOp(apply: ApplyIncidentOp): OpRunner {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(
    async (op: IncidentOp) => {
      setBusy(true);
      setError(undefined);
      try {
        return await apply(op);
      } catch (failure) {
        setError(errorMessage(failure));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [apply],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, busy, error, clearError };
}
