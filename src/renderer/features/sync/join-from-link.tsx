import { useEffect, useId, useRef, useState } from 'react';
import { parseIncidentLink } from '../../../shared/sync/incident-link';
import { useApp, useAppState, useIncidents } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';

type Outcome = { kind: 'idle' } | { kind: 'joining' } | { kind: 'failed'; reason: string };

/**
 * "Join from link": paste a teammate's incident link and join it (or open it, when it is here
 * already). A link for another server than this app's, or a malformed one, is not followed; the
 * field says why. A link the desktop opened (`oncall-companion://…`) arrives here too.
 */
export function JoinFromLink() {
  const { bridge, uiStore } = useApp();
  const server = useAppState((s) => s.sync?.server);
  const opened = useAppState((s) => s.incidentLink);
  const here = useIncidents((s) => s.list?.incidents);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);

  const follow = (link: string): void => {
    const check = parseIncidentLink(link, server);
    if (check.kind !== 'ok') {
      setOutcome({ kind: 'failed', reason: check.reason });
      input.current?.focus();
      return;
    }
    const id = check.incidentId;
    if ((here ?? []).some((incident) => incident.id === id)) {
      setOutcome({ kind: 'idle' });
      setText('');
      uiStore.actions.openIncident(id);
      return;
    }
    setOutcome({ kind: 'joining' });
    bridge.invoke('sync:join', { id }).then(
      () => {
        setOutcome({ kind: 'idle' });
        setText('');
        uiStore.actions.openIncident(id);
      },
      (failure: unknown) => {
        setOutcome({ kind: 'failed', reason: `Could not join: ${errorMessage(failure)}` });
        input.current?.focus();
      },
    );
  };

  // Each link the desktop opens is followed once, as if pasted and joined.
  const followed = useRef(0);
  useEffect(() => {
    if (!opened || opened.seq === followed.current) return;
    followed.current = opened.seq;
    setText(opened.link);
    follow(opened.link);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new link starts this
  }, [opened]);

  if (server === undefined && opened === undefined) return null;
  const failed = outcome.kind === 'failed';
  return (
    <form
      className="join-link"
      aria-label="Join a team incident from a link"
      onSubmit={(event) => {
        event.preventDefault();
        follow(text);
      }}
    >
      <label className="join-link__label" htmlFor={inputId}>
        Join from link
      </label>
      <input
        ref={input}
        id={inputId}
        className="field__input join-link__input"
        placeholder="oncall-companion://incident/…"
        value={text}
        maxLength={4096}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={failed}
        aria-describedby={failed ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (failed) setOutcome({ kind: 'idle' });
        }}
      />
      <button
        type="submit"
        className="btn btn--primary"
        disabled={outcome.kind === 'joining' || text.trim() === ''}
      >
        {outcome.kind === 'joining' ? 'Joining…' : 'Join'}
      </button>
      {failed ? (
        <p id={errorId} className="field__error join-link__error" role="alert">
          {outcome.reason}
        </p>
      ) : null}
    </form>
  );
}
