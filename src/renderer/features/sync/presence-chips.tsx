import type { PresentPerson } from '../../../shared/sync/presence';
import { useAppState } from '../../app/app-context';
import { formatZonedClock } from '../incident/zoned-time';

const NOBODY: readonly PresentPerson[] = [];

/** Who else is in the incident, as the app last heard. */
export function usePresentPeople(incidentId: string): readonly PresentPerson[] {
  return useAppState((s) => s.presence?.incidents[incidentId] ?? NOBODY);
}

/**
 * The teammates who have this incident open now, as small chips: name, the roles they hold
 * here, and whether they are typing. Names come from peers: shown as text only.
 */
export function PresenceChips(props: { incidentId: string; zone: string }) {
  const people = usePresentPeople(props.incidentId);
  if (people.length === 0) return null;
  return (
    <ul className="presence" aria-label="Also here now">
      {people.map((person) => {
        const doing = person.activity === 'typing' ? 'typing' : 'viewing';
        const roles = person.roles.length > 0 ? `, ${person.roles.join(', ')}` : '';
        return (
          <li
            key={person.name}
            className={`presence__chip presence__chip--${person.activity}`}
            title={`${person.name}${roles}: ${doing} since ${formatZonedClock(person.since, props.zone)}`}
          >
            <span className="presence__mark" aria-hidden="true" />
            <span className="presence__name">{person.name}</span>
            {person.roles.length > 0 ? (
              <span className="presence__roles">{person.roles.join(', ')}</span>
            ) : null}
            <span className={person.activity === 'typing' ? 'presence__doing' : 'visually-hidden'}>
              {doing}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
