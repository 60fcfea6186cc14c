import {
  DEFAULT_INCIDENT_DEFAULTS,
  type ChecklistItemDefault,
  type IncidentDefaults,
  type IncidentDefaultsOverride,
  type RoleDefault,
  type StatusCadence,
} from '../../../shared/domain/incident-defaults';
import { SEVERITIES } from '../../../shared/domain/severity';

function sameItems(a: readonly ChecklistItemDefault[], b: readonly ChecklistItemDefault[]) {
  return (
    a.length === b.length &&
    a.every((item, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        item.id === other.id &&
        item.text === other.text &&
        (item.severities ?? []).join() === (other.severities ?? []).join()
      );
    })
  );
}

function sameRole(a: RoleDefault, b: RoleDefault): boolean {
  return a.id === b.id && a.name === b.name && sameItems(a.checklist, b.checklist);
}

/**
 * The smallest override that turns `base` into `defaults`: only the cadences, roles and closure
 * checklist that differ, so a team that changed one thing keeps getting the product's later
 * improvements to everything else. `{}` when nothing differs.
 *
 * The override format cannot reorder roles (they merge by id: the product's first, in its order,
 * then added ones), so `defaults` is expected in that order, as the settings form keeps it.
 * @param defaults - what the team wants a new incident to start with
 * @param base - what the override applies to
 */
export function minimalOverride(
  defaults: IncidentDefaults,
  base: IncidentDefaults = DEFAULT_INCIDENT_DEFAULTS,
): IncidentDefaultsOverride {
  const override: IncidentDefaultsOverride = {};

  const cadence: Partial<StatusCadence> = {};
  for (const severity of SEVERITIES) {
    const minutes = defaults.statusCadenceMinutes[severity];
    if (minutes !== base.statusCadenceMinutes[severity]) cadence[severity] = minutes;
  }
  if (Object.keys(cadence).length > 0) override.statusCadenceMinutes = cadence;

  const wanted = new Set(defaults.roles.map((role) => role.id));
  const omitRoles = base.roles.map((role) => role.id).filter((id) => !wanted.has(id));
  if (omitRoles.length > 0) override.omitRoles = omitRoles;

  const roles = defaults.roles.filter((role) => {
    const original = base.roles.find((r) => r.id === role.id);
    return original === undefined || !sameRole(role, original);
  });
  if (roles.length > 0) override.roles = roles;

  if (!sameItems(defaults.closureChecklist, base.closureChecklist)) {
    override.closureChecklist = defaults.closureChecklist;
  }
  return override;
}
