import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import type { Clock } from '../../clock/clock';
import type { Settings } from '../../../../shared/domain/settings';
import { incidentOpContext } from '../../incidents/incident-op-context';
import type { IncidentPatches } from '../../incidents/incident-patches';
import type { LazyIncidentStore } from '../../incidents/lazy-incident-store';
import { requireIncidentView } from '../../incidents/require-incident-view';

/** The calls that read and change an incident by versioned patches. */
export type IncidentPatchHandlers = Pick<InvokeHandlers, 'incident:load' | 'incident:change'>;

/** What they need. */
export interface IncidentPatchHandlerDeps {
  incidents: Pick<LazyIncidentStore, 'run'>;
  /** The same patches the `incident:patched` pushes come from. */
  patches: IncidentPatches;
  settings: () => Settings;
  clock: Clock;
}

/**
 * `incident:load` and `incident:change`: like `incident:get` and `incident:apply`, except that a
 * change answers only its outcome and version. Its patch was pushed (by the store's change
 * listener) before the answer, so the renderer has it by then, and a 10,000-entry incident is
 * not sent back whole for every line the scribe types.
 * @param deps - the incident store, the patches, the settings and the clock
 */
export function incidentPatchHandlers({
  incidents,
  patches,
  settings,
  clock,
}: IncidentPatchHandlerDeps): IncidentPatchHandlers {
  return {
    'incident:load': async ({ id }) =>
      incidents.run((store) => patches.versioned(requireIncidentView(store, id))),
    'incident:change': async ({ id, op }) => {
      const applied = await incidents.run((store) =>
        store.apply(id, op, incidentOpContext(settings(), clock.now())),
      );
      const answer: { changed: boolean; createdId?: string; version: number } = {
        changed: applied.changed,
        version: patches.version(id),
      };
      if (applied.createdId !== undefined) answer.createdId = applied.createdId;
      return answer;
    },
  };
}
