import type { Schedule } from '../../../shared/schedules/schedule-schema';
import type { ShiftFeed } from '../../../shared/schedules/layer-shifts';
import type { FeedStatus } from '../../../shared/schedules/feed-status';
import type { IcsFeeds } from './ics-feeds';

/** The feed service following the feeds the schedules name, and nothing else. */
export interface ScheduleFeeds {
  /** Follow every feed the schedules name now and forget the ones no longer named. */
  configure(schedules: readonly Schedule[]): Promise<void>;
  /** The feed service as the schedules read it (Date in, shifts out). */
  shiftFeed: ShiftFeed;
  /** What the feed at `url` is doing, as the on-call summary carries it. */
  status(url: string): FeedStatus | undefined;
  /** Waits for a configure under way, then closes the feed service. */
  close(): Promise<void>;
}

/** Every iCalendar feed URL named by a layer of `schedules`, once each. */
export function feedUrlsOf(schedules: readonly Schedule[]): string[] {
  const urls = new Set<string>();
  for (const schedule of schedules) {
    for (const layer of [schedule.layers.primary, schedule.layers.secondary]) {
      if (layer?.kind === 'ics') urls.add(layer.url);
    }
  }
  return [...urls];
}

/**
 * Keeps the feed service in step with the settings' schedules.
 * @param feeds - the iCalendar feed service
 * @param log - where a feed that cannot be followed is told
 */
export function createScheduleFeeds(
  feeds: IcsFeeds,
  log: (message: string) => void,
): ScheduleFeeds {
  let followed = new Set<string>();
  // Settings changes come quickly one after another: each configure waits for the one before,
  // so an add and a remove of the same feed never race.
  let queue: Promise<void> = Promise.resolve();
  return {
    configure(schedules) {
      const wanted = new Set(feedUrlsOf(schedules));
      queue = queue.then(async () => {
        for (const url of followed) {
          if (!wanted.has(url)) await feeds.remove(url);
        }
        for (const url of wanted) {
          if (followed.has(url)) continue;
          // The schema accepts the URL; a refusal here (an unusable scheme) is logged, not fatal.
          await feeds
            .add(url)
            .catch((error: unknown) =>
              log(
                `a schedule's feed cannot be followed: ${error instanceof Error ? error.message : String(error)}`,
              ),
            );
        }
        followed = wanted;
      });
      return queue;
    },
    shiftFeed: (url, from, to) => feeds.shifts(url, from.getTime(), to.getTime()),
    status(url) {
      const status = feeds.status(url);
      return status && { ...status, warnings: [...status.warnings] };
    },
    close: () => queue.then(() => feeds.close()),
  };
}
