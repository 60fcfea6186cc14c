import { MAX_FEED_PATTERN_LENGTH } from '../../../shared/schedules/schedule-schema';
import { errorAt, type LayerDraft, type SchedulesErrors } from './schedules-draft';
import { ScheduleField } from './schedule-field';

/**
 * How a feed layer's events name who is on call: a person for every event, or an RE2 pattern
 * over each event's summary. The help states the main process's order (ics-person.ts), so what
 * the form promises is what the feed service does.
 */
export function FeedNamingFields(props: {
  /** Prefix of the ids of its fields. */
  idBase: string;
  /** Path of the layer in the settings (`list.0.layers.primary`), for its errors. */
  path: string;
  layer: LayerDraft;
  errors: SchedulesErrors;
  onChange: (patch: Partial<LayerDraft>) => void;
}) {
  const { idBase, path, layer, errors } = props;
  // Both set: say at the pattern that it is idle, as main ignores it (the person wins).
  const patternIdle = layer.person.trim() !== '' && layer.pattern.trim() !== '';
  return (
    <>
      <p className="schedule__naming-help muted">
        Who each event names: the person below, when set; else, when a name pattern is set, what it
        finds (an event it does not match names nobody); else the name in PagerDuty’s “On Call -
        name - …” or GoAlert’s “name On-Call (GoAlert: …)”, the first attendee, or the whole
        summary.
      </p>
      <div className="schedule__row schedule__naming">
        <ScheduleField
          id={`${idBase}-person`}
          label="Person on call for every event"
          error={errorAt(errors, `${path}.person`)}
          help="For a feed of one person’s shifts (GoAlert’s personal feed names nobody). When set, the pattern is not used."
        >
          {(aria) => (
            <input
              {...aria}
              className="field__input"
              value={layer.person}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => props.onChange({ person: e.target.value })}
            />
          )}
        </ScheduleField>
        <ScheduleField
          id={`${idBase}-pattern`}
          label="Name pattern"
          error={errorAt(errors, `${path}.pattern`)}
          help={
            patternIdle ? (
              'Not used: the person on call for every event is set, and wins.'
            ) : (
              <>
                An RE2 regular expression applied to each event’s summary, such as{' '}
                <code>^Shift: (.+?) \(</code>. The name is its group named <code>person</code>, else
                its first group, else the whole match. No lookarounds or backreferences.
              </>
            )
          }
        >
          {(aria) => (
            <input
              {...aria}
              className="field__input schedule__pattern"
              value={layer.pattern}
              maxLength={MAX_FEED_PATTERN_LENGTH}
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
              onChange={(e) => props.onChange({ pattern: e.target.value })}
            />
          )}
        </ScheduleField>
      </div>
    </>
  );
}
