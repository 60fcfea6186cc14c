import type { Alert } from '../../../../shared/domain/alert';
import {
  resolveRunbookUrl,
  runbookUrlAnnotation,
  summariseRunbook,
} from '../../../../shared/domain/runbook';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';
import { incidentLabelSets, matchRunbooksForAny } from '../../incidents/incident-runbooks';
import type { LazyIncidentStore } from '../../incidents/lazy-incident-store';
import { requireIncidentView } from '../../incidents/require-incident-view';
import type { RunbookFolderManager } from '../../runbooks/runbook-folder-manager';

/** The calls about runbooks: the folder's list, one runbook, and those for an alert or incident. */
export type RunbookHandlers = Pick<
  InvokeHandlers,
  'runbooks:list' | 'runbook:get' | 'runbooks:forAlert' | 'runbooks:forIncident'
>;

/** What the runbook calls need. */
export interface RunbookHandlerDeps {
  runbookFolder: Pick<RunbookFolderManager, 'settled' | 'list' | 'library'>;
  /** The alerts the sources list now. */
  alerts: () => readonly Alert[];
  incidents: Pick<LazyIncidentStore, 'run'>;
}

/**
 * `runbooks:list`, `runbook:get`, `runbooks:forAlert` and `runbooks:forIncident`; each waits for
 * the folder to settle, so an answer never comes from a half-read folder.
 * @param deps - the runbook folder, the current alerts and the incident store
 */
export function runbookHandlers({
  runbookFolder,
  alerts,
  incidents,
}: RunbookHandlerDeps): RunbookHandlers {
  return {
    'runbooks:list': async () => {
      await runbookFolder.settled();
      return runbookFolder.list();
    },
    'runbook:get': async ({ id }) => {
      await runbookFolder.settled();
      const runbook = runbookFolder.library()?.get(id);
      if (runbook === undefined) {
        throw new IpcFailure(
          'not-found',
          runbookFolder.list().dir === undefined
            ? 'No runbook folder is chosen. Choose one in Settings.'
            : `The runbook folder has no runbook "${id}"; it may have been moved or deleted.`,
        );
      }
      return { runbook };
    },
    'runbooks:forAlert': async ({ alertId }) => {
      const alert = alerts().find((a) => a.id === alertId);
      if (alert === undefined) {
        throw new IpcFailure('not-found', `No alert has the id "${alertId}"; it may be gone.`);
      }
      await runbookFolder.settled();
      const library = runbookFolder.library();
      const runbooks = (library?.forAlert(alert.labels) ?? []).map(summariseRunbook);
      const link = runbookUrlAnnotation(alert.annotations);
      if (link === undefined) return { runbooks };
      const runbookUrl = library
        ? library.resolveUrl(link.value)
        : // No folder chosen (or it could not be opened): http(s) still opens; a path cannot.
          resolveRunbookUrl(link.value, undefined);
      return { runbooks, runbookUrl };
    },
    'runbooks:forIncident': async ({ incidentId }) => {
      const { incident } = await incidents.run((store) => requireIncidentView(store, incidentId));
      await runbookFolder.settled();
      const library = runbookFolder.library();
      if (library === undefined) return { runbooks: [] };
      const runbooks = matchRunbooksForAny(library.list(), incidentLabelSets(incident));
      return { runbooks: runbooks.map(summariseRunbook) };
    },
  };
}
