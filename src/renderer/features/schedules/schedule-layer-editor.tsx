import { WEEKDAYS } from '../../../shared/schedules/schedule-schema';
import { FeedNamingFields } from './feed-naming-fields';
import { ReadFeedButton } from './read-feed-button';
import { errorAt, type LayerDraft, type SchedulesErrors } from './schedules-draft';
import { ScheduleField } from './schedule-field';

const DAY_NAME: Record<(typeof WEEKDAYS)[number], string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/**
 * One layer of a schedule: a rotation (participants in turn order, moved with the ↑ ↓ buttons;
 * weekly or every N days; the handoff day and time in the schedule's zone; the start date) or an
 * iCalendar feed's URL and how its events name who is on call.
 */
export function ScheduleLayerEditor(props: {
  /** Prefix of the ids of its fields. */
  idBase: string;
  /** Path of the layer in the settings (`list.0.layers.primary`), for its errors. */
  path: string;
  title: string;
  layer: LayerDraft;
  /** How the saved feed is doing, in words; absent for a rotation or a feed not saved yet. */
  feedStatus?: string;
  errors: SchedulesErrors;
  onChange: (layer: LayerDraft) => void;
}) {
  const { idBase, path, layer, errors } = props;
  const set = (patch: Partial<LayerDraft>) => props.onChange({ ...layer, ...patch });
  const participants = layer.participants;
  const move = (from: number, to: number) => {
    const next = [...participants];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved ?? '');
    set({ participants: next });
  };
  const participantsError = errorAt(errors, `${path}.participants`);
  return (
    <fieldset className="schedule__layer">
      <legend className="schedule__legend">{props.title}</legend>
      <div className="schedule__row">
        <ScheduleField id={`${idBase}-kind`} label="Shifts from" error={undefined}>
          {(aria) => (
            <select
              {...aria}
              className="field__input field__input--select"
              value={layer.kind}
              onChange={(e) => set({ kind: e.target.value === 'ics' ? 'ics' : 'rotation' })}
            >
              <option value="rotation">A rotation</option>
              <option value="ics">An iCalendar feed (PagerDuty, Opsgenie, GoAlert)</option>
            </select>
          )}
        </ScheduleField>
      </div>
      {layer.kind === 'ics' ? (
        <>
          {layer.feed !== '' && !layer.replace ? (
            <div className="field">
              <span className="field__label" id={`${idBase}-url-label`}>
                Feed URL
              </span>
              <p className="schedule__stored" aria-labelledby={`${idBase}-url-label`}>
                Stored — {layer.shownAs || 'a feed'}{' '}
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={`Replace the ${props.title.toLowerCase()} feed’s URL`}
                  onClick={() => set({ replace: true })}
                >
                  Replace
                </button>{' '}
                {/* Once saved: main reads the feeds of saved layers only. */}
                {props.feedStatus !== undefined ? (
                  <ReadFeedButton feed={layer.feed} title={props.title} />
                ) : null}
              </p>
            </div>
          ) : (
            <ScheduleField
              id={`${idBase}-url`}
              label="Feed URL"
              error={errorAt(errors, `${path}.url`)}
              help="The schedule's iCalendar export; kept in the secret store, not in settings.json. The app keeps its last good copy when it cannot be read."
            >
              {(aria) => (
                <input
                  {...aria}
                  className="field__input"
                  value={layer.url}
                  spellCheck={false}
                  autoComplete="off"
                  maxLength={2048}
                  onChange={(e) => set({ url: e.target.value })}
                />
              )}
            </ScheduleField>
          )}
          {props.feedStatus !== undefined ? (
            <p className="schedule__feed-status" role="status" aria-label={`${props.title} feed`}>
              {props.feedStatus}
            </p>
          ) : null}
          <FeedNamingFields
            idBase={idBase}
            path={path}
            layer={layer}
            errors={errors}
            onChange={set}
          />
        </>
      ) : (
        <>
          <div
            className="field"
            role="group"
            aria-labelledby={`${idBase}-participants-label`}
            aria-describedby={participantsError ? `${idBase}-participants-error` : undefined}
          >
            <span className="field__label" id={`${idBase}-participants-label`}>
              Participants, in turn order
            </span>
            <ol className="schedule__participants">
              {participants.map((person, index) => (
                <li key={index} className="schedule__participant">
                  <input
                    className="field__input"
                    aria-label={`Participant ${index + 1}`}
                    aria-invalid={participantsError ? true : undefined}
                    value={person}
                    maxLength={200}
                    onChange={(e) =>
                      set({
                        participants: participants.map((p, i) =>
                          i === index ? e.target.value : p,
                        ),
                      })
                    }
                  />
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={`Move participant ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={`Move participant ${index + 1} down`}
                    disabled={index === participants.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={`Remove participant ${index + 1}`}
                    onClick={() =>
                      set({ participants: participants.filter((_, i) => i !== index) })
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ol>
            {participantsError ? (
              <span className="field__error" id={`${idBase}-participants-error`}>
                {participantsError}
              </span>
            ) : null}
            <div>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => set({ participants: [...participants, ''] })}
              >
                Add participant
              </button>
            </div>
          </div>
          <div className="schedule__row">
            <ScheduleField id={`${idBase}-every`} label="Each shift lasts" error={undefined}>
              {(aria) => (
                <select
                  {...aria}
                  className="field__input field__input--select"
                  value={layer.every}
                  onChange={(e) => set({ every: e.target.value === 'days' ? 'days' : 'week' })}
                >
                  <option value="week">A week</option>
                  <option value="days">A number of days</option>
                </select>
              )}
            </ScheduleField>
            {layer.every === 'days' ? (
              <ScheduleField
                id={`${idBase}-days`}
                label="Days"
                error={errorAt(errors, `${path}.days`)}
              >
                {(aria) => (
                  <input
                    {...aria}
                    className="field__input schedule__number"
                    inputMode="numeric"
                    value={layer.days}
                    onChange={(e) => set({ days: e.target.value })}
                  />
                )}
              </ScheduleField>
            ) : (
              <ScheduleField id={`${idBase}-day`} label="Handoff day" error={undefined}>
                {(aria) => (
                  <select
                    {...aria}
                    className="field__input field__input--select"
                    value={layer.handoffDay}
                    onChange={(e) =>
                      set({ handoffDay: WEEKDAYS.find((d) => d === e.target.value) ?? 'monday' })
                    }
                  >
                    {WEEKDAYS.map((day) => (
                      <option key={day} value={day}>
                        {DAY_NAME[day]}
                      </option>
                    ))}
                  </select>
                )}
              </ScheduleField>
            )}
            <ScheduleField
              id={`${idBase}-time`}
              label="Handoff time"
              error={errorAt(errors, `${path}.handoffTime`)}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="time"
                  className="field__input schedule__time"
                  value={layer.handoffTime}
                  onChange={(e) => set({ handoffTime: e.target.value })}
                />
              )}
            </ScheduleField>
            <ScheduleField
              id={`${idBase}-start`}
              label="Starts on"
              error={errorAt(errors, `${path}.startDate`)}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  className="field__input schedule__date"
                  value={layer.startDate}
                  onChange={(e) => set({ startDate: e.target.value })}
                />
              )}
            </ScheduleField>
          </div>
        </>
      )}
    </fieldset>
  );
}
