import { useState, type Ref } from 'react';
import type { ManualTimelineKind } from '../../../shared/incident/schema';
import { readComposerLine } from './composer-line';
import { OpError } from './op-error';
import type { ApplyIncidentOp } from './panel-props';
import { KIND_WORDS, kindForShortcut, MANUAL_KINDS } from './timeline-kinds';
import { useOp } from './use-op';

/**
 * The scribe's line: type `14:23 restarted the pool` and press Enter. A leading time is the event
 * time (previewed before Enter), Alt+1…5 picks the kind, and the input stays focused and empty
 * for the next line. A refused line stays as typed, with the reason under it.
 */
export function TimelineComposer({
  inputRef,
  ...props
}: {
  apply: ApplyIncidentOp;
  now: number;
  zone: string;
  /** The input, for the `n` and `/` shortcuts. */
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [line, setLine] = useState('');
  const [kind, setKind] = useState<ManualTimelineKind>('note');
  const op = useOp(props.apply);
  const read = readComposerLine(line, { nowMs: props.now, timeZone: props.zone });

  const submit = async (): Promise<void> => {
    if (!read.ready || op.busy) return;
    const sent = line;
    const args =
      read.time === undefined
        ? { text: read.text, kind }
        : { text: read.text, kind, time: read.time };
    const done = await op.run({ type: 'timeline.add', args });
    if (!done) return;
    // Typing may have gone on while the entry was written: clear only what was sent.
    setLine((current) => (current === sent ? '' : current));
    setKind('note');
  };

  return (
    <form
      className="composer"
      aria-label="Add to the timeline"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="composer__row">
        <label className="visually-hidden" htmlFor="composer-kind">
          Kind
        </label>
        <select
          id="composer-kind"
          className="field__input field__input--select composer__kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ManualTimelineKind)}
        >
          {MANUAL_KINDS.map((k, i) => (
            <option key={k} value={k}>
              {KIND_WORDS[k]} (Alt+{i + 1})
            </option>
          ))}
        </select>
        <input
          ref={inputRef}
          className="field__input composer__input"
          aria-label="Timeline entry"
          aria-describedby="composer-help"
          placeholder="14:23 what happened — Enter adds it (n to come back here)"
          value={line}
          maxLength={10_000}
          autoComplete="off"
          onChange={(e) => {
            setLine(e.target.value);
            if (op.error) op.clearError();
          }}
          onKeyDown={(event) => {
            if (event.altKey && !event.ctrlKey && !event.metaKey) {
              const picked = kindForShortcut(event.code);
              if (picked) {
                event.preventDefault();
                setKind(picked);
              }
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.currentTarget.blur();
            }
          }}
        />
        <button type="submit" className="btn btn--primary" disabled={!read.ready || op.busy}>
          Add
        </button>
      </div>
      <p id="composer-help" className="composer__preview" aria-live="polite">
        {read.preview === undefined ? (
          <span className="muted">
            {line.trim() === ''
              ? 'Start with a time (14:23) to date it; otherwise it is now.'
              : 'At: now'}
          </span>
        ) : read.preview.ok ? (
          <span>
            At: <strong className="tabular">{read.preview.text}</strong>
            {read.text === '' ? <span className="muted"> — now type what happened</span> : null}
          </span>
        ) : (
          <span className="composer__bad-time">Time not usable: {read.preview.text}</span>
        )}
      </p>
      <OpError error={op.error} />
    </form>
  );
}
