import type { Alert } from '../../../../shared/domain/alert';
import { resolveIncidentDefaults } from '../../../../shared/domain/incident-defaults';
import type { Settings } from '../../../../shared/domain/settings';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import type { Clock } from '../../clock/clock';
import { incidentOpContext } from '../../incidents/incident-op-context';
import type { LazyIncidentStore } from '../../incidents/lazy-incident-store';
import { requireIncidentView } from '../../incidents/require-incident-view';
import { currentAlerts } from '../../sources/current-alerts';

/** The calls that read and change incidents. */
export type IncidentHandlers = Pick<
  InvokeHandlers,
  | 'incidents:list'
  | 'incidents:dismissProblem'
  | 'incident:get'
  | 'incident:declare'
  | 'incident:attachAlerts'
  | 'incident:apply'
>;

/** What the incident calls need. */
export interface IncidentHandlerDeps {
  incidents: Pick<LazyIncidentStore, 'run'>;
  /** The alerts the sources list now, to declare from or attach. */
  alerts: () => readonly Alert[];
  /** The current settings: the profile and the team's incident defaults. */
  settings: () => Settings;
  clock: Clock;
}

/**
 * The incident calls: each waits for the store to open and answers refused operations and store
 * failures with their code; changes are written as the profile's person.
 * @param deps - the incident store, the current alerts, the settings and the clock
 */
export function incidentHandlers({
  incidents,
  alerts,
  settings,
  clock,
}: IncidentHandlerDeps): IncidentHandlers {
  const context = () => incidentOpContext(settings(), clock.now());
  return {
    'incidents:list': async () => incidents.run((store) => store.list()),
    // The store announces the change, so every window's banner loses the notice too.
    'incidents:dismissProblem': async ({ id }) =>
      incidents.run((store) => store.dismissProblem(id)),
    'incident:get': async ({ id }) => incidents.run((store) => requireIncidentView(store, id)),
    'incident:declare': async ({ alertIds, ...request }) => {
      const from = currentAlerts(alerts(), alertIds);
      // A team's broken override never blocks a declaration: the product's defaults stand in.
      const defaults = resolveIncidentDefaults(settings().incidents);
      const view = await incidents.run((store) =>
        store.declare(
          {
            ...request,
            ...(from.length > 0 ? { alerts: from } : {}),
            ...(defaults.ok ? { defaults: defaults.defaults } : {}),
          },
          context(),
        ),
      );
      if (defaults.ok) return view;
      const warning =
        "The team's incident defaults in settings could not be used " +
        `(${defaults.issues.join('; ')}), so this incident started with the product's defaults.`;
      return { ...view, warning: view.warning ? `${view.warning} ${warning}` : warning };
    },
    'incident:attachAlerts': async ({ id, alertIds }) => {
      const attach = currentAlerts(alerts(), alertIds);
      return incidents.run((store) => store.attachAlerts(id, attach, context()));
    },
    'incident:apply': async ({ id, op }) =>
      incidents.run((store) => store.apply(id, op, context())),
  };
}
