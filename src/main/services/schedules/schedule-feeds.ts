import type { FeedStatus } from '../../../shared/schedules/feed-status';
import type { ShiftFeed } from '../../../shared/schedules/layer-shifts';
import {
  FEED_SECRET_PREFIX,
  feedRefOf,
  type IcsLayer,
  type Schedule,
} from '../../../shared/schedules/schedule-schema';
import type { SecretStore } from '../secrets/secret-store';
import type { IcsFeeds } from './ics-feeds';
import { personRuleKey, type IcsPersonRule } from './ics-person';

/** The feed service following the feeds the schedules name, and nothing else. */
export interface ScheduleFeeds {
  /** Follow every feed the schedules name now and forget the ones no longer named. */
  configure(schedules: readonly Schedule[]): Promise<void>;
  /** The feed service as the schedules read it: a feed by its ref (id or plain URL), Date in. */
  shiftFeed: ShiftFeed;
  /** What the feed `ref` is doing, as the on-call summary carries it. */
  status(ref: string): FeedStatus | undefined;
  /**
   * Read the feed `ref` again now (after a configure under way); its status once read, or
   * undefined when no layer names it or no URL is stored for it.
   */
  read(ref: string): Promise<FeedStatus | undefined>;
  /** Waits for a configure under way, then closes the feed service. */
  close(): Promise<void>;
}

/**
 * The secret store key of a feed's URL.
 * @param feedId - the layer's `feed`
 */
export function feedSecretKey(feedId: string): string {
  return `${FEED_SECRET_PREFIX}${feedId}`;
}

/** Every iCalendar feed layer of `schedules`. */
export function icsLayersOf(schedules: readonly Schedule[]): IcsLayer[] {
  const out: IcsLayer[] = [];
  for (const schedule of schedules) {
    for (const layer of [schedule.layers.primary, schedule.layers.secondary]) {
      if (layer?.kind === 'ics') out.push(layer);
    }
  }
  return out;
}

/**
 * How a feed layer's events name their person: its `person` and `pattern`, as set.
 * @param layer - an iCalendar feed layer
 */
export function personRuleOf(layer: IcsLayer): IcsPersonRule {
  return {
    ...(layer.person !== undefined && { person: layer.person }),
    ...(layer.pattern !== undefined && { pattern: layer.pattern }),
  };
}

/** A feed as the feed service follows it: a URL read with a person rule. */
interface Followed {
  readonly url: string;
  readonly rule: IcsPersonRule;
}

const followedKey = (feed: Followed): string => `${feed.url}\n${personRuleKey(feed.rule)}`;

/**
 * Keeps the feed service in step with the settings' schedules, reading each feed's URL from the
 * secret store.
 * @param feeds - the iCalendar feed service
 * @param secrets - where the feeds' URLs are
 * @param log - where a feed that cannot be followed is told
 */
export function createScheduleFeeds(
  feeds: IcsFeeds,
  secrets: SecretStore,
  log: (message: string) => void,
): ScheduleFeeds {
  // Each layer's feed (by ref): the URL it was found at and the rule it is read with; a ref
  // without a URL has none stored.
  let followed = new Map<string, Followed | undefined>();
  let shown = new Map<string, string | undefined>();
  // Settings changes come quickly one after another: each configure waits for the one before,
  // so an add and a remove of the same feed never race.
  let queue: Promise<void> = Promise.resolve();
  const urlOf = async (layer: IcsLayer): Promise<string | undefined> => {
    if (layer.feed === undefined) return layer.url;
    try {
      return await secrets.get(feedSecretKey(layer.feed));
    } catch (error) {
      log(`a feed's URL could not be read from the secret store: ${String(error)}`);
      return undefined;
    }
  };
  return {
    configure(schedules) {
      const layers = icsLayersOf(schedules);
      queue = queue.then(async () => {
        const next = new Map<string, Followed | undefined>();
        // Two layers reading one URL with different rules (a team calendar naming primary and
        // secondary shifts) are two feeds; with the same rule, one.
        const wanted = new Map<string, Followed>();
        for (const layer of layers) {
          const url = await urlOf(layer);
          const feed = url === undefined ? undefined : { url, rule: personRuleOf(layer) };
          next.set(feedRefOf(layer), feed);
          if (feed) wanted.set(followedKey(feed), feed);
        }
        const before = new Map<string, Followed>();
        for (const feed of followed.values()) if (feed) before.set(followedKey(feed), feed);
        // Added before the old ones go: a rule changed on a URL reads its copy on disk at once,
        // which the removal would delete were no feed left reading that URL.
        for (const [key, feed] of wanted) {
          if (before.has(key)) continue;
          // The schema accepts the URL and the pattern; a refusal here (an unusable scheme) is
          // logged.
          await feeds
            .add(feed.url, feed.rule)
            .catch((error: unknown) =>
              log(
                `a schedule's feed cannot be followed: ${error instanceof Error ? error.message : String(error)}`,
              ),
            );
        }
        for (const [key, feed] of before) {
          if (!wanted.has(key)) await feeds.remove(feed.url, feed.rule);
        }
        followed = next;
        shown = new Map(layers.map((l) => [feedRefOf(l), l.shownAs]));
      });
      return queue;
    },
    shiftFeed: (ref, from, to) => {
      const feed = followed.get(ref);
      return feed === undefined
        ? []
        : feeds.shifts(feed.url, from.getTime(), to.getTime(), feed.rule);
    },
    status(ref) {
      if (!followed.has(ref)) return undefined;
      const feed = followed.get(ref);
      if (feed === undefined) {
        return {
          shown: shown.get(ref) ?? 'a feed',
          pending: false,
          ok: false,
          error: 'no URL is stored for this feed here; enter it in Settings → Schedules',
          shiftCount: 0,
          warnings: [],
        };
      }
      const status = feeds.status(feed.url, feed.rule);
      return status && { ...status, warnings: [...status.warnings] };
    },
    async read(ref) {
      await queue;
      const feed = followed.get(ref);
      // A URL the feed service refused is not followed: nothing to read (and its error would
      // carry the URL, which is secret).
      if (feed === undefined || feeds.status(feed.url, feed.rule) === undefined) return undefined;
      const status = await feeds.refresh(feed.url, feed.rule);
      return { ...status, warnings: [...status.warnings] };
    },
    close: () => queue.then(() => feeds.close()),
  };
}
