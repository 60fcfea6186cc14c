import { useMemo, useState } from 'react';
import { useApp, useAppState } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import type { RunbookLinkActions } from './runbook-markdown';

/**
 * What the links of a rendered runbook do: a page outside the app through the bridge (saying
 * why if it was refused), another runbook of the folder in the runbook page, a section of this
 * one by `onAnchor`; and the folder's runbook ids the links are resolved against.
 * @param onAnchor - scroll to a section of the runbook shown (kept stable: useCallback)
 * @param shownId - the runbook shown; a link to it scrolls to its section instead of reopening it
 */
export function useRunbookLinks(
  onAnchor: (fragment: string) => void,
  shownId?: string,
): { actions: RunbookLinkActions; linkError: string | undefined; runbookIds: readonly string[] } {
  const { bridge, uiStore } = useApp();
  const list = useAppState((s) => s.runbooks);
  const runbookIds = useMemo(() => list?.runbooks.map((r) => r.id) ?? [], [list]);
  const [linkError, setLinkError] = useState<string | undefined>();

  const actions = useMemo<RunbookLinkActions>(
    () => ({
      onExternal(url) {
        setLinkError(undefined);
        bridge.openLink(url).then(
          (opened) => {
            if (!opened) setLinkError(`The app refused to open ${url}.`);
          },
          (error: unknown) => setLinkError(errorMessage(error)),
        );
      },
      onRunbook(next, fragment) {
        if (shownId !== undefined && next === shownId) {
          if (fragment !== undefined) onAnchor(fragment);
          return;
        }
        uiStore.actions.openRunbook(fragment === undefined ? { id: next } : { id: next, fragment });
      },
      onAnchor,
    }),
    [bridge, uiStore, shownId, onAnchor],
  );

  return { actions, linkError, runbookIds };
}
