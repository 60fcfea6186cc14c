import { memo, useState } from 'react';
import {
  manualTimelineKindSchema,
  type ManualTimelineKind,
  type TimelineEntry,
} from '../../../shared/incident/schema';
import { OpError } from '../incident/op-error';
import type { ApplyIncidentOp } from '../incident/panel-props';
import { KIND_WORDS, MANUAL_KINDS } from './timeline-kinds';
import { useOp } from '../incident/use-op';
import {
  formatZonedClock,
  formatZonedFull,
  formatZonedOtherDay,
  formatZonedShort,
} from '../incident/zoned-time';
import { inlineFormHandlers } from '../incident/inline-form';

/** What one row shows; `now` only decides whether its times say the day, so a minute will do. */
interface TimelineEntryRowProps {
  entry: TimelineEntry;
  /** Where the row stands in the list shown, and how many there are, for screen readers. */
  index: number;
  setSize: number;
  /** Its offset in the virtualised list, in pixels. */
  start: number;
  /** Measures the row once rendered, so rows of any height stack without gaps. */
  measure: (element: HTMLLIElement | null) => void;
  /** True while its editor is open. */
  editing: boolean;
  /** Open (`id`) or close (undefined) an entry's editor. */
  onEdit: (id: string | undefined) => void;
  apply: ApplyIncidentOp;
  zone: string;
  now: number;
  readOnly: boolean;
}

/**
 * One timeline entry: time, kind, text (always plain text), author and any edit or strike.
 * Entries a person wrote can be edited in place, struck out and restored; those the app wrote
 * record what happened and cannot. Rows re-render only when what they show changes: the store
 * keeps unchanged entries as the same objects, so one new line renders one row.
 */
export const TimelineEntryRow = memo(EntryRow, (before, after) => {
  return (
    before.entry === after.entry &&
    before.index === after.index &&
    before.setSize === after.setSize &&
    before.start === after.start &&
    before.editing === after.editing &&
    before.onEdit === after.onEdit &&
    before.measure === after.measure &&
    before.apply === after.apply &&
    before.zone === after.zone &&
    before.now === after.now &&
    before.readOnly === after.readOnly
  );
});

function EntryRow({
  entry,
  index,
  setSize,
  start,
  measure,
  editing,
  onEdit,
  apply,
  zone,
  now,
  readOnly,
}: TimelineEntryRowProps) {
  const strike = useOp(apply);
  // An entry from another day says so: a bare "17:13" above today's entries reads as a sorting
  // bug, and a post-mortem written from it is a day off.
  const day = formatZonedOtherDay(entry.at, zone, now);
  const editable =
    !readOnly && !entry.auto && manualTimelineKindSchema.safeParse(entry.kind).success;
  const lastStrike = entry.strikes?.at(-1);
  const short = entry.text.slice(0, 40);
  return (
    <li
      ref={measure}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={`entry entry--${entry.kind}${entry.auto ? ' entry--auto' : ''}${entry.struck ? ' entry--struck' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
    >
      <time
        className="entry__time tabular"
        dateTime={entry.at}
        title={formatZonedFull(entry.at, zone)}
      >
        {day === undefined ? null : <span className="entry__day">{day} </span>}
        {formatZonedClock(entry.at, zone)}
      </time>
      <span className={`kind kind--${entry.kind}`}>{KIND_WORDS[entry.kind]}</span>
      <div className="entry__body">
        {editing ? (
          <EntryEditor entry={entry} apply={apply} zone={zone} onDone={() => onEdit(undefined)} />
        ) : (
          <>
            <p className="entry__text">
              {entry.struck ? <span className="visually-hidden">Struck out: </span> : null}
              {entry.text}
            </p>
            <p className="entry__meta">
              <span>{entry.author}</span>
              {entry.editedAt !== undefined ? (
                <span title={formatZonedFull(entry.editedAt, zone)}>
                  {' '}
                  · edited by {entry.editedBy ?? entry.author} at{' '}
                  {formatZonedShort(entry.editedAt, zone, now)}
                </span>
              ) : null}
              {lastStrike === undefined ? null : (
                // Every strike and restore, oldest first, for whoever wants the whole story.
                <span
                  title={(entry.strikes ?? [])
                    .map(
                      (s) =>
                        `${s.struck ? 'Struck out' : 'Restored'} by ${s.by}, ${formatZonedFull(s.at, zone)}`,
                    )
                    .join('\n')}
                >
                  {' '}
                  · {lastStrike.struck ? 'struck out' : 'restored'} by {lastStrike.by} at{' '}
                  {formatZonedShort(lastStrike.at, zone, now)}
                </span>
              )}
              {editable ? (
                <>
                  {entry.struck ? null : (
                    <button
                      type="button"
                      className="btn btn--link entry__edit"
                      aria-label={`Edit the entry “${short}”`}
                      onClick={() => onEdit(entry.id)}
                    >
                      edit
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn--link entry__edit"
                    aria-label={`${entry.struck ? 'Restore' : 'Strike out'} the entry “${short}”`}
                    disabled={strike.busy}
                    onClick={() => {
                      void strike.run({
                        type: 'timeline.strike',
                        args: { id: entry.id, struck: !entry.struck },
                      });
                    }}
                  >
                    {entry.struck ? 'restore' : 'strike out'}
                  </button>
                </>
              ) : null}
            </p>
            <OpError error={strike.error} />
          </>
        )}
      </div>
    </li>
  );
}

function EntryEditor(props: {
  entry: TimelineEntry;
  apply: ApplyIncidentOp;
  zone: string;
  onDone: () => void;
}) {
  const { entry, zone } = props;
  const startTime = formatZonedClock(entry.at, zone);
  const [time, setTime] = useState(startTime);
  const [kind, setKind] = useState(entry.kind as ManualTimelineKind);
  const [text, setText] = useState(entry.text);
  const op = useOp(props.apply);

  const save = async (): Promise<void> => {
    const args: { id: string; text?: string; kind?: ManualTimelineKind; time?: string } = {
      id: entry.id,
    };
    if (text.trim() !== entry.text) args.text = text.trim();
    if (kind !== entry.kind) args.kind = kind;
    // Unchanged HH:MM would drop the entry's seconds: only a time the user changed is sent.
    if (time.trim() !== startTime) args.time = time.trim();
    if (Object.keys(args).length === 1) {
      props.onDone();
      return;
    }
    if (await op.run({ type: 'timeline.edit', args })) props.onDone();
  };

  return (
    <form
      className="entry-editor"
      aria-label="Edit the entry"
      {...inlineFormHandlers(
        () => {
          void save();
        },
        () => props.onDone(),
      )}
    >
      <div className="inline-form">
        <input
          className="field__input entry-editor__time tabular"
          aria-label="Event time"
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
        <select
          className="field__input field__input--select"
          aria-label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ManualTimelineKind)}
        >
          {MANUAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_WORDS[k]}
            </option>
          ))}
        </select>
      </div>
      <textarea
        className="field__input entry-editor__text"
        aria-label="Text"
        rows={2}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(event) => {
          // Enter saves, as in the composer; Shift+Enter is a new line.
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void save();
          }
        }}
      />
      <div className="inline-form">
        <button type="submit" className="btn btn--small btn--primary" disabled={op.busy}>
          Save
        </button>
        <button type="button" className="btn btn--small" onClick={props.onDone}>
          Cancel
        </button>
      </div>
      <OpError error={op.error} />
    </form>
  );
}
