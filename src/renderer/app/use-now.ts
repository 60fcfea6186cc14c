import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), updated every `intervalMs`: ages and countdowns tick without
 * each row running its own timer.
 * @param intervalMs - how often to update
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
