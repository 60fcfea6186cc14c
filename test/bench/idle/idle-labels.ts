import { measuredIdleWindow, SETTLE_SECONDS } from './idle-window';

/**
 * An idle-* case's figure, saying what browser mode was left doing.
 * @param what - the figure
 */
export function idleLabel(what: string): string {
  const source = measuredIdleWindow()?.sourceReachable
    ? 'default source ANSWERED: stop what listens on 127.0.0.1:9093 to measure the unreachable case'
    : 'default source unreachable';
  return `browser mode idle from ${SETTLE_SECONDS} s after start (${source}), ${what}`;
}

/** The floor of every idle-* case. */
export const floorLabel = "idle `node -e 'setInterval(()=>{},1<<30)'`, same window";
