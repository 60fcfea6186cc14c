import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { parseIncidentLink } from '../../../shared/sync/incident-link';
import { useApp, useAppState } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';

type Outcome = { kind: 'idle' } | { kind: 'joining' } | { kind: 'failed'; reason: string };

/**
 * "Join from link": paste a teammate's incident link and join it (or open it, when it is here
 * already). A link for another server than this app's, or a malformed one, is not followed; the
 * field says why. A link the desktop opened (`oncall-companion://…`) arrives here too.
 */
export function JoinFromLink() {
  const { bridge, uiStore, appStore, incidentStore } = useApp();
  const server = useAppState((s) => s.sync?.server);
  const opened = useAppState((s) => s.incidentLink);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);

  // Reads the server and the incidents here when called, not as of the last render: a link the
  // desktop opened is followed from a store listener, before React renders the news.
  const follow = useCallback(
    (link: string): void => {
      const check = parseIncidentLink(link, appStore.getState().sync?.server);
      if (check.kind !== 'ok') {
        setOutcome({ kind: 'failed', reason: check.reason });
        input.current?.focus();
        return;
      }
      const id = check.incidentId;
      const here = incidentStore.getState().list?.incidents ?? [];
      if (here.some((incident) => incident.id === id)) {
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
    },
    [appStore, incidentStore, bridge, uiStore],
  );

  // Each link the desktop opens is followed once, as if pasted and joined, and then taken out of
  // the store, so that coming back to this view does not follow it again.
  useEffect(() => {
    const take = (): void => {
      const { incidentLink, sync } = appStore.getState();
      // A link that launched the app may arrive before the sync settings did: wait for them.
      if (incidentLink === undefined || sync === undefined) return;
      appStore.setState({ incidentLink: undefined });
      setText(incidentLink.link);
      follow(incidentLink.link);
    };
    take();
    return appStore.subscribe(take);
  }, [appStore, follow]);

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
