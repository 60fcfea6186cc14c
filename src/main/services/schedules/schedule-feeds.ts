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
import type { IcsPersonRule } from './ics-person';

/** The feed service following the feeds the schedules name, and nothing else. */
export interface ScheduleFeeds {
  /** Follow every feed the schedules name now and forget the ones no longer named. */
  configure(schedules: readonly Schedule[]): Promise<void>;
  /** The feed service as the schedules read it: a feed by its ref (id or plain URL), Date in. */
  shiftFeed: ShiftFeed;
  /** What the feed `ref` is doing, as the on-call summary carries it. */
  status(ref: string): FeedStatus | undefined;
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

const ruleKey = (rule: IcsPersonRule): string =>
  JSON.stringify([rule.person ?? null, rule.pattern ?? null]);

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
  // Each layer's feed (by ref) and the URL it was found at; a ref without one has no URL stored.
  let urls = new Map<string, string | undefined>();
  let shown = new Map<string, string | undefined>();
  // The person rule each followed URL was added with: a changed rule reads the feed again.
  let rules = new Map<string, string>();
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
        const next = new Map<string, string | undefined>();
        // The service follows a URL once: two layers at one URL with different rules share
        // the last one's rule (one feed's events name their people one way).
        const wanted = new Map<string, IcsPersonRule>();
        for (const layer of layers) {
          const url = await urlOf(layer);
          next.set(feedRefOf(layer), url);
          if (url !== undefined) wanted.set(url, personRuleOf(layer));
        }
        const before = new Set([...urls.values()].filter((u) => u !== undefined));
        for (const url of before) if (!wanted.has(url)) await feeds.remove(url);
        const nextRules = new Map<string, string>();
        for (const [url, rule] of wanted) {
          nextRules.set(url, ruleKey(rule));
          if (before.has(url) && rules.get(url) === ruleKey(rule)) continue;
          // Added again with a new rule, its copy on disk is read again at once. The schema
          // accepts the URL and the pattern; a refusal here (an unusable scheme) is logged.
          await feeds
            .add(url, rule)
            .catch((error: unknown) =>
              log(
                `a schedule's feed cannot be followed: ${error instanceof Error ? error.message : String(error)}`,
              ),
            );
        }
        urls = next;
        rules = nextRules;
        shown = new Map(layers.map((l) => [feedRefOf(l), l.shownAs]));
      });
      return queue;
    },
    shiftFeed: (ref, from, to) => {
      const url = urls.get(ref);
      return url === undefined ? [] : feeds.shifts(url, from.getTime(), to.getTime());
    },
    status(ref) {
      if (!urls.has(ref)) return undefined;
      const url = urls.get(ref);
      if (url === undefined) {
        return {
          shown: shown.get(ref) ?? 'a feed',
          pending: false,
          ok: false,
          error: 'no URL is stored for this feed here; enter it in Settings → Schedules',
          shiftCount: 0,
          warnings: [],
        };
      }
      const status = feeds.status(url);
      return status && { ...status, warnings: [...status.warnings] };
    },
    close: () => queue.then(() => feeds.close()),
  };
}
