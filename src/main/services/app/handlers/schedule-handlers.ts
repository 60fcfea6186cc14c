import type { Settings } from '../../../../shared/domain/settings';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import type { ShiftFeed } from '../../../../shared/schedules/layer-shifts';
import { onCallSummary, type OnCallSummary } from '../../../../shared/schedules/on-call';
import type { Clock } from '../../clock/clock';

/** Who is on call. */
export type ScheduleHandlers = Pick<InvokeHandlers, 'schedules:onCall'>;

/** What the on-call summary needs: the schedules, who I am, the time and the feeds. */
export interface OnCallDeps {
  settings: () => Settings;
  /** The name schedules know me by. */
  me: () => string | undefined;
  clock: Clock;
  feed: ShiftFeed;
}

/**
 * The on-call summary now, as `schedules:onCall` answers and `schedules:changed` pushes it.
 * @param deps - schedules, me, clock and feeds
 */
export function currentOnCall(deps: OnCallDeps): OnCallSummary {
  return onCallSummary(deps.settings().schedules.list, deps.me(), deps.clock.now(), deps.feed);
}

/**
 * `schedules:onCall`: who is on call now and next per schedule and layer, and my next shift.
 * @param deps - schedules, me, clock and feeds
 */
export function scheduleHandlers(deps: OnCallDeps): ScheduleHandlers {
  return {
    'schedules:onCall': async () => currentOnCall(deps),
  };
}
