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
  apply: ApplyIncidentOp;
  zone: string;
  now: number;
  readOnly: boolean;
}

/**
 * One timeline entry: time, kind, text (always plain text), author and any edit. Entries a
 * person wrote can be edited in place; those the app wrote record what happened and cannot.
 * Rows re-render only when what they show changes: every push brings new entry objects, and a
 * long incident's thousand rows should not all render again for each new line or clock tick.
 */
export const TimelineEntryRow = memo(EntryRow, (before, after) => {
  const a = before.entry;
  const b = after.entry;
  return (
    before.apply === after.apply &&
    before.zone === after.zone &&
    before.now === after.now &&
    before.readOnly === after.readOnly &&
    a.id === b.id &&
    a.at === b.at &&
    a.kind === b.kind &&
    a.text === b.text &&
    a.author === b.author &&
    a.auto === b.auto &&
    a.editedAt === b.editedAt &&
    a.editedBy === b.editedBy
  );
});

function EntryRow(props: TimelineEntryRowProps) {
  const { entry, zone, now } = props;
  const [editing, setEditing] = useState(false);
  // An entry from another day says so: a bare "17:13" above today's entries reads as a sorting
  // bug, and a post-mortem written from it is a day off.
  const day = formatZonedOtherDay(entry.at, zone, now);
  const editable =
    !props.readOnly && !entry.auto && manualTimelineKindSchema.safeParse(entry.kind).success;
  return (
    <li className={`entry entry--${entry.kind}${entry.auto ? ' entry--auto' : ''}`}>
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
          <EntryEditor
            entry={entry}
            apply={props.apply}
            zone={zone}
            onDone={() => setEditing(false)}
          />
        ) : (
          <>
            <p className="entry__text">{entry.text}</p>
            <p className="entry__meta">
              <span>{entry.author}</span>
              {entry.editedAt !== undefined ? (
                <span title={formatZonedFull(entry.editedAt, zone)}>
                  {' '}
                  · edited by {entry.editedBy ?? entry.author} at{' '}
                  {formatZonedShort(entry.editedAt, zone, now)}
                </span>
              ) : null}
              {editable ? (
                <button
                  type="button"
                  className="btn btn--link entry__edit"
                  aria-label={`Edit the entry “${entry.text.slice(0, 40)}”`}
                  onClick={() => setEditing(true)}
                >
                  edit
                </button>
              ) : null}
            </p>
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
