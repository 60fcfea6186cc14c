import { useEffect, useEffectEvent, useState } from 'react';
import type { Bridge } from '../bridge/bridge';
import { errorMessage } from '../bridge/bridge-error';
import { useApp } from './app-context';

/** The app's answer, or why there is none, tagged with what it was asked for. */
export type BridgeAnswer<T> = { asked: string; value: T } | { asked: string; error: string };

/**
 * Ask the app, and again whenever `asked` or `again` changes; an answer to an earlier question
 * that arrives late is dropped. The last answer is kept while the next is on its way: callers
 * that must not show it compare its `asked`.
 * @param asked - what is asked for (a key); nothing is asked while it is undefined
 * @param ask - the question
 * @param again - anything else that makes the last answer stale (e.g. the folder's revision)
 */
export function useBridgeAnswer<T>(
  asked: string | undefined,
  ask: (bridge: Bridge, asked: string) => Promise<T>,
  again?: unknown,
): BridgeAnswer<T> | undefined {
  const { bridge } = useApp();
  const [answer, setAnswer] = useState<BridgeAnswer<T> | undefined>();
  // The question reads the props of the latest render without asking again for each of them.
  const askNow = useEffectEvent(ask);

  useEffect(() => {
    if (asked === undefined) return;
    let live = true;
    askNow(bridge, asked).then(
      (value) => {
        if (live) setAnswer({ asked, value });
      },
      (error: unknown) => {
        if (live) setAnswer({ asked, error: errorMessage(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, asked, again]);

  return answer;
}
