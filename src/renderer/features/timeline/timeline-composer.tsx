import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useApp, useUi } from '../../app/app-context';
import type { IncidentOp } from '../../../shared/incident/apply-op';
import type { ManualTimelineKind } from '../../../shared/incident/schema';
import { errorMessage } from '../../bridge/bridge-error';
import { readComposerLine } from './composer-line';
import {
  dropLine,
  enqueueLine,
  markLine,
  queueStatus,
  type LineQueue,
  type QueuedLine,
} from './composer-queue';
import type { ApplyIncidentOp } from '../incident/panel-props';
import { KIND_WORDS, kindForShortcut, MANUAL_KINDS } from './timeline-kinds';

/**
 * The scribe's line: type `14:23 restarted the pool` and press Enter. A leading time is the event
 * time (previewed before Enter), Alt+1…5 picks the kind, and the input is empty and focused again
 * at once, so a scribe on a loud bridge call types the next line while the last one is written.
 * Sent lines are written one after another, in the order typed, and shown as "saving" under the
 * input until they are on disk (only then do they appear on the timeline). A line the app could
 * not write stays there with the reason, to retry, edit or discard: nothing typed is lost.
 */
export function TimelineComposer({
  inputRef,
  ...props
}: {
  apply: ApplyIncidentOp;
  now: number;
  zone: string;
  /** The input, for the `n` shortcut. */
  inputRef?: Ref<HTMLInputElement>;
  /** Up in the empty input: open the last entry written for editing; false when there is none. */
  onEditLast?: () => boolean;
  /** A keystroke changed the line (the scribe's pen, as teammates see it). */
  onType?: () => void;
}) {
  const [line, setLine] = useState('');
  const [kind, setKind] = useState<ManualTimelineKind>('note');
  const [queue, setQueue] = useState<LineQueue>([]);
  // One write at a time, in the order typed, so the timeline gets lines as the scribe sent them.
  const writing = useRef<Promise<void>>(Promise.resolve());
  const nextKey = useRef(1);
  const { apply } = props;
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(inputRef, () => input.current as HTMLInputElement, []);
  const { uiStore } = useApp();
  const focusWanted = useUi((s) => s.focusComposer);
  // Just declared: the keyboard starts here, where the scribe writes the first line.
  useEffect(() => {
    if (!focusWanted || input.current === null) return;
    input.current.focus();
    uiStore.actions.setFocusComposer(false);
  }, [focusWanted, uiStore]);
  const read = readComposerLine(line, { nowMs: props.now, timeZone: props.zone });

  const write = useCallback(
    (queued: QueuedLine): void => {
      const parsed = readComposerLine(queued.line, { nowMs: Date.now(), timeZone: props.zone });
      // The time the preview showed at Enter, not a new reading of `14:23` later on.
      const time = queued.at ?? parsed.time;
      const kind = parsed.kind ?? queued.kind;
      // `a: … @owner` is an action item: it goes on the timeline by itself, with its owner.
      const op: IncidentOp =
        kind === 'action' && parsed.kind === 'action'
          ? {
              type: 'action-item.add',
              args:
                parsed.owner === undefined
                  ? { text: parsed.text }
                  : { text: parsed.text, owner: parsed.owner },
            }
          : {
              type: 'timeline.add',
              args:
                time === undefined
                  ? { text: parsed.text, kind }
                  : { text: parsed.text, kind, time },
            };
      writing.current = writing.current.then(async () => {
        try {
          await apply(op);
          setQueue((q) => dropLine(q, queued.key));
        } catch (failure) {
          setQueue((q) => markLine(q, queued.key, errorMessage(failure)));
        }
      });
    },
    [apply, props.zone],
  );

  const submit = (): void => {
    if (!read.ready) return;
    const queued: QueuedLine = { key: nextKey.current++, line, kind: read.kind ?? kind };
    if (read.preview?.ok) queued.at = read.preview.at;
    setQueue((q) => enqueueLine(q, queued));
    setLine('');
    setKind('note');
    write(queued);
  };

  const retry = (queued: QueuedLine): void => {
    setQueue((q) => markLine(q, queued.key, undefined));
    write(queued);
  };

  const edit = (queued: QueuedLine): void => {
    setQueue((q) => dropLine(q, queued.key));
    setLine(queued.line);
    setKind(queued.kind);
  };

  const status = queueStatus(queue);

  return (
    <form
      className="composer"
      aria-label="Add to the timeline"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
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
          ref={input}
          className="field__input composer__input"
          aria-label="Timeline entry"
          aria-describedby="composer-help"
          placeholder="14:23 d: what happened — Enter adds it, Up edits the last"
          value={line}
          maxLength={10_000}
          autoComplete="off"
          onChange={(e) => {
            setLine(e.target.value);
            props.onType?.();
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
            } else if (event.key === 'ArrowUp' && line === '' && props.onEditLast?.()) {
              event.preventDefault();
            }
          }}
        />
        <button type="submit" className="btn btn--primary" disabled={!read.ready}>
          Add
        </button>
      </div>
      <p id="composer-help" className="composer__preview" aria-live="polite">
        {read.kind === undefined || read.text === '' ? null : (
          <span className="composer__as">
            <span className={`kind kind--${read.kind}`}>
              {read.kind === 'action' ? 'action item' : KIND_WORDS[read.kind]}
            </span>
            {read.owner === undefined ? null : (
              <span>
                {' '}
                for <strong>{read.owner}</strong>
              </span>
            )}{' '}
          </span>
        )}
        {read.problem !== undefined ? (
          <span className="composer__bad-time">{read.problem}</span>
        ) : read.preview === undefined ? (
          <span className="muted">
            {line.trim() === ''
              ? 'Start with a time (14:23) to date it, and d: a: h: m: for decision, action item (@owner), hypothesis, mitigation; Up edits the last entry.'
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
      {status === undefined ? null : (
        <div className="composer__queue" aria-label="Lines not yet on the timeline">
          <p className="composer__queue-status" role="status">
            {status}
          </p>
          <ul className="composer__queue-list">
            {queue.map((queued) => (
              <li
                key={queued.key}
                className={`composer__queued${queued.error ? ' composer__queued--failed' : ''}`}
              >
                <span className="composer__queued-text">
                  <span className="muted">{KIND_WORDS[queued.kind]}: </span>
                  {queued.line}
                </span>
                {queued.error === undefined ? (
                  <span className="muted">saving…</span>
                ) : (
                  <>
                    <span className="op-error" role="alert">
                      {queued.error}
                    </span>
                    <span className="composer__queued-actions">
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => retry(queued)}
                      >
                        Retry
                      </button>
                      <button
                        type="button"
                        className="btn btn--small"
                        disabled={line.trim() !== ''}
                        title={
                          line.trim() !== ''
                            ? 'Send or clear the line being typed first'
                            : undefined
                        }
                        onClick={() => edit(queued)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => setQueue((q) => dropLine(q, queued.key))}
                      >
                        Discard
                      </button>
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
