import type { Settings } from '../../../../shared/domain/settings';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import type { FeedStatus } from '../../../../shared/schedules/feed-status';
import type { ShiftFeed } from '../../../../shared/schedules/layer-shifts';
import { feedRefOf } from '../../../../shared/schedules/schedule-schema';
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
  /** What the feed `ref` (see `feedRefOf`) is doing; undefined for one not (yet) followed. */
  feedStatus?: (ref: string) => FeedStatus | undefined;
}

/**
 * The on-call summary now, as `schedules:onCall` answers and `schedules:changed` pushes it.
 * @param deps - schedules, me, clock and feeds
 */
export function currentOnCall(deps: OnCallDeps): OnCallSummary {
  const list = deps.settings().schedules.list;
  const summary = onCallSummary(list, deps.me(), deps.clock.now(), deps.feed);
  const { feedStatus } = deps;
  if (!feedStatus) return summary;
  // Each feed layer says how its feed is doing, so Settings can tell a stale copy from a fresh one.
  return {
    ...summary,
    schedules: summary.schedules.map((schedule) => {
      const layers = list.find((s) => s.id === schedule.id)?.layers;
      return {
        ...schedule,
        layers: schedule.layers.map((layer) => {
          const source = layers?.[layer.layer];
          const feed = source?.kind === 'ics' ? feedStatus(feedRefOf(source)) : undefined;
          return feed ? { ...layer, feed } : layer;
        }),
      };
    }),
  };
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
