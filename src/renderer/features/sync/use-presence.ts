import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { PresenceActivity } from '../../../shared/sync/presence';
import { useApp } from '../../app/app-context';

/** How long after the last keystroke the scribe's pen is put down again. */
export const TYPING_IDLE_MS = 3_000;

type Say = (incidentId: string | null, activity: PresenceActivity) => void;

function useSay(): Say {
  const { bridge } = useApp();
  return useCallback(
    (incidentId, activity) => {
      // Presence is a courtesy: when the app cannot be told, nothing the user does fails.
      bridge.invoke('presence:set', { incidentId, activity }).catch(() => {});
    },
    [bridge],
  );
}

function onVisibility(change: () => void): () => void {
  document.addEventListener('visibilitychange', change);
  return () => document.removeEventListener('visibilitychange', change);
}

/**
 * Tell teammates this incident is open here while `open` is true and the window is visible, and
 * that it is not once it closes, another one opens, or the window is hidden (closed to the tray,
 * minimised, another tab): no one "viewing" an incident nobody sees.
 * @param incidentId - the incident shown
 * @param open - whether it is on screen
 */
export function useViewingPresence(incidentId: string | undefined, open: boolean): void {
  const say = useSay();
  const visible = useSyncExternalStore(onVisibility, () => document.visibilityState === 'visible');
  useEffect(() => {
    if (!open || !visible || incidentId === undefined) return;
    say(incidentId, 'viewing');
    return () => say(null, 'viewing');
  }, [say, incidentId, open, visible]);
}

/**
 * A keystroke handler for the timeline composer: the first keystroke says "typing", and
 * {@link TYPING_IDLE_MS} after the last one it says "viewing" again. One message per change,
 * not per keystroke; the only timer is that one timeout.
 * @param incidentId - the incident whose timeline it is
 */
export function useTypingPresence(incidentId: string): () => void {
  const say = useSay();
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (typing.current) say(incidentId, 'viewing');
      typing.current = false;
    },
    [say, incidentId],
  );

  return useCallback(() => {
    if (!typing.current) {
      typing.current = true;
      say(incidentId, 'typing');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      typing.current = false;
      say(incidentId, 'viewing');
    }, TYPING_IDLE_MS);
  }, [say, incidentId]);
}
