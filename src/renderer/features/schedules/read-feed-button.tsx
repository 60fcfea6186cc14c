import { useState } from 'react';
import { useApp } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';

/**
 * Reads a saved layer's feed again now, for a shift swapped minutes ago that the hourly read
 * would show late. How the read went shows in the layer's feed status (pushed by main); only a
 * refusal to read it at all (no URL stored) is said here.
 */
export function ReadFeedButton(props: { feed: string; title: string }) {
  const { bridge } = useApp();
  const [reading, setReading] = useState(false);
  const [refused, setRefused] = useState<string | undefined>();
  const read = (): void => {
    setReading(true);
    setRefused(undefined);
    bridge.invoke('schedules:readFeed', { feed: props.feed }).then(
      () => setReading(false),
      (error: unknown) => {
        setReading(false);
        setRefused(errorMessage(error));
      },
    );
  };
  return (
    <>
      <button
        type="button"
        className="btn btn--small"
        aria-busy={reading || undefined}
        disabled={reading}
        onClick={read}
      >
        {reading ? 'Reading…' : 'Read again now'}
        {/* Its name starts with what it shows (a speech user says what they see). */}
        <span className="visually-hidden">: {props.title.toLowerCase()} feed</span>
      </button>
      {refused !== undefined ? (
        <span className="field__error schedule__read-refused" role="alert">
          {refused}
        </span>
      ) : null}
    </>
  );
}
