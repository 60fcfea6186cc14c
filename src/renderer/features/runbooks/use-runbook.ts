import { useMemo } from 'react';
import type { Runbook } from '../../../shared/domain/runbook';
import { useAppState } from '../../app/app-context';
import { useBridgeAnswer } from '../../app/use-bridge-answer';

/** One runbook as the app read it, or why it could not. */
export type LoadedRunbook = { id: string; runbook: Runbook } | { id: string; error: string };

/**
 * The runbook `id` from the folder, asked again when the folder changes (the file may have been
 * edited, fixed, or removed); undefined until the first answer for this id arrives.
 * @param id - the runbook's id; nothing is loaded while it is undefined
 */
export function useRunbook(id: string | undefined): LoadedRunbook | undefined {
  const revision = useAppState((s) => s.runbooksRevision);
  const answer = useBridgeAnswer(
    id,
    async (bridge, asked) => (await bridge.invoke('runbook:get', { id: asked })).runbook,
    revision,
  );
  // The same object until the answer changes: views run effects when it does.
  return useMemo(() => {
    if (answer === undefined || answer.asked !== id) return undefined;
    return 'value' in answer ? { id, runbook: answer.value } : { id, error: answer.error };
  }, [answer, id]);
}
