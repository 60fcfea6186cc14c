import { typingLine } from '../../../shared/sync/presence';
import { usePresentPeople } from './presence-chips';

/**
 * "Ana is typing…" near the composer: who holds the scribe's pen now, so two people do not
 * write the same line. Always in the page (empty when nobody types) so screen readers hear it.
 */
export function TypingLine(props: { incidentId: string }) {
  const people = usePresentPeople(props.incidentId);
  const line = typingLine(people);
  // Alone on the incident the line takes no room: a scribe working offline or without team
  // sync keeps the newest entry right above the composer.
  const className = people.length > 0 ? 'typing-line' : 'typing-line typing-line--alone';
  return (
    <p className={className} aria-live="polite" data-testid="typing-line">
      {line ?? ''}
    </p>
  );
}
