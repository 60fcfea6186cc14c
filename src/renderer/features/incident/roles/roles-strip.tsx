import type { RoleState } from '../../../../shared/incident/schema';
import { AddRole } from './add-role';
import { RoleChip, type RoleChipContext } from './role-chip';

/**
 * Every role on one strip (name, holder, checklist progress), so the first screen of an incident
 * is its timeline and not nineteen checkboxes; a role's checklist opens in place.
 */
export function RolesStrip(props: { roles: readonly RoleState[] } & RoleChipContext) {
  const { roles, ...context } = props;
  return (
    <section className="roles-strip" aria-labelledby="roles-title">
      <h2 id="roles-title" className="roles-strip__title">
        Roles
      </h2>
      <ul className="roles-strip__list">
        {roles.map((role) => (
          <RoleChip key={role.id} role={role} {...context} />
        ))}
        {context.readOnly ? null : <AddRole {...context} />}
      </ul>
      {context.me === undefined && !context.readOnly ? (
        <p className="muted roles-strip__hint">
          Set your name in Settings to take a role with one click.
        </p>
      ) : null}
    </section>
  );
}
