import { onCallText } from '../../../shared/schedules/on-call-text';
import { isKnownTimeZone } from '../../../shared/schedules/zone';
import { useAppState } from '../../app/app-context';
import { useOnCall } from './use-on-call';

/**
 * The zone the reader reads times in: the profile's when it names a known one, else this machine's.
 * @param profileZone - the profile's time zone, if set
 */
export const readerZone = (profileZone: string | undefined): string =>
  profileZone !== undefined && isKnownTimeZone(profileZone)
    ? profileZone
    : Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * "On call now: Ana (primary), Ben (secondary) · next: Ben at Mon 09:00" for each schedule, and
 * my own next shift; nothing while there are no schedules.
 */
export function OnCallLine() {
  const summary = useOnCall();
  const profileZone = useAppState((s) => s.settings?.settings.profile.timeZone);
  if (!summary || summary.schedules.length === 0) return null;
  const text = onCallText(summary, readerZone(profileZone));
  return (
    <section className="on-call" aria-label="On call">
      {text.lines.map((line) => (
        <p key={line.scheduleId} className="on-call__line">
          <span className="on-call__name">{line.name}</span> {line.text}
        </p>
      ))}
      {text.mine ? <p className="on-call__line on-call__mine">{text.mine}</p> : null}
    </section>
  );
}
