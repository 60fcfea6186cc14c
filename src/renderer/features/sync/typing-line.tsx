import { typingLine } from '../../../shared/sync/presence';
import { usePresentPeople } from './presence-chips';

/**
 * "Ana is typing…" near the composer: who holds the scribe's pen now, so two people do not
 * write the same line. Always in the page (empty when nobody types) so screen readers hear it.
 */
export function TypingLine(props: { incidentId: string }) {
  const line = typingLine(usePresentPeople(props.incidentId));
  return (
    <p className="typing-line" aria-live="polite" data-testid="typing-line">
      {line ?? ''}
    </p>
  );
}
