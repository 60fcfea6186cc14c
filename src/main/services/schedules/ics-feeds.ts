import type { Shift } from '../../../shared/schedules/shift';
import type { Clock } from '../clock/clock';
import type { IcsExpansion, IcsLimits } from './ics-expand';
import { icsFeedFile, type IcsFeedCopy, type IcsFeedFile } from './ics-feed-file';
import { feedUrl, shownFeedUrl } from './ics-feed-url';
import {
  DEFAULT_ICS_FETCH_POLICY,
  fetchWithRetry,
  httpIcsFetch,
  type IcsFetch,
  type IcsFetchPolicy,
} from './ics-fetch';
import { createIcsParser, type IcsParser } from './ics-parser';
import { compilePersonRule, personRuleKey, type IcsPersonRule } from './ics-person';

/** How often every feed is fetched again. */
export const DEFAULT_ICS_REFRESH_MS = 60 * 60 * 1000;

/** The window shifts are expanded over, around now: a day back (the shift in progress) … */
export const ICS_WINDOW_BEFORE_MS = 24 * 60 * 60 * 1000;
/** … to five weeks ahead (next shifts, reminders, the handoff). */
export const ICS_WINDOW_AFTER_MS = 35 * 24 * 60 * 60 * 1000;

/** What one feed is doing, for Settings and the log. */
export interface IcsFeedStatus {
  /** The URL as shown: scheme and host, never the secret path. */
  readonly shown: string;
  /** True until the first attempt of this run ends (the copy from disk may already serve). */
  readonly pending: boolean;
  /** The last attempt fetched and read the feed. */
  readonly ok: boolean;
  /** When the copy in use was fetched, epoch ms; absent when there is none. */
  readonly fetchedAt?: number;
  /** When the last attempt ended, epoch ms. */
  readonly checkedAt?: number;
  /** Why the last attempt failed. */
  readonly error?: string;
  /** When the last attempt failed but an older copy serves: when that copy was fetched. */
  readonly usingLastGoodSince?: number;
  readonly shiftCount: number;
  /** What could not be read from the copy in use (events naming nobody, cut-off rules). */
  readonly warnings: readonly string[];
}

/**
 * iCalendar feeds (PagerDuty, Opsgenie, GoAlert exports) as shifts, from a cache. A feed is a URL
 * read with a person rule: one URL read with two rules (a team's calendar whose events say
 * "Primary: …" and "Secondary: …", one layer each) is two feeds sharing one copy on disk.
 */
export interface IcsFeeds {
  /**
   * Follow a feed: its last good copy on disk serves at once (resolved when it does), then it
   * is fetched in the background and every refresh interval.
   * @throws Error when the URL or the person pattern cannot be used, saying why
   */
  add(url: string, rule?: IcsPersonRule): Promise<void>;
  /** Stop following a feed, and forget its copy once no feed reads that URL. */
  remove(url: string, rule?: IcsPersonRule): Promise<void>;
  /** Fetch and read a feed now; resolves with its status (never rejects for a feed's fault). */
  refresh(url: string, rule?: IcsPersonRule): Promise<IcsFeedStatus>;
  /** The shifts of the copy in use that overlap [from, to); empty for an unknown feed. */
  shifts(url: string, from: number, to: number, rule?: IcsPersonRule): readonly Shift[];
  /** Undefined for a feed not followed. */
  status(url: string, rule?: IcsPersonRule): IcsFeedStatus | undefined;
  /** Stops the timer, the fetches in flight and the parser. */
  close(): Promise<void>;
}

/** What {@link createIcsFeeds} needs. */
export interface IcsFeedsOptions {
  /** The app's home: copies live in `<home>/schedules/`. */
  readonly home: string;
  readonly clock: Clock;
  /** One fetch attempt; the real HTTP GET by default. */
  readonly fetch?: IcsFetch;
  readonly fetchPolicy?: IcsFetchPolicy;
  /** Parses off the main loop; a worker with a 5 s budget by default. */
  readonly parser?: IcsParser;
  readonly limits?: IcsLimits;
  /** Between two refreshes of every feed; {@link DEFAULT_ICS_REFRESH_MS} by default. */
  readonly refreshMs?: number;
  /** A feed's shifts or status changed; the URL as given to `add`. */
  readonly onChanged?: (url: string) => void;
}

interface Feed {
  readonly given: string;
  readonly url: URL;
  /** The URL as a key: feeds with the same one share the copy on disk. */
  readonly urlKey: string;
  readonly rule: IcsPersonRule;
  readonly file: IcsFeedFile;
  readonly abort: AbortController;
  copy?: IcsFeedCopy;
  expansion?: IcsExpansion;
  status: IcsFeedStatus;
  inFlight?: Promise<IcsFeedStatus>;
}

/**
 * The ICS feed service: fetch (timeout, 2 MiB cap, retries), parse and expand in a worker
 * within a budget, keep the last good copy on disk and serve it while a feed fails.
 * @param options - home, clock, and the ports tests replace
 */
export function createIcsFeeds(options: IcsFeedsOptions): IcsFeeds {
  const { clock } = options;
  const policy = options.fetchPolicy ?? DEFAULT_ICS_FETCH_POLICY;
  const fetch = options.fetch ?? httpIcsFetch(clock, policy);
  const parser = options.parser ?? createIcsParser();
  const refreshMs = options.refreshMs ?? DEFAULT_ICS_REFRESH_MS;
  const feeds = new Map<string, Feed>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const urlKeyOf = (url: string): string => {
    try {
      return feedUrl(url).href;
    } catch {
      return url;
    }
  };
  const keyOf = (url: string, rule?: IcsPersonRule): string =>
    `${urlKeyOf(url)}\n${personRuleKey(rule)}`;

  const changed = (feed: Feed): void => {
    try {
      options.onChanged?.(feed.given);
    } catch {
      // A listener's fault is not the feed's.
    }
  };

  const expand = (feed: Feed, text: string) => {
    const now = clock.now().getTime();
    return parser.parse({
      text,
      from: now - ICS_WINDOW_BEFORE_MS,
      to: now + ICS_WINDOW_AFTER_MS,
      rule: feed.rule,
      ...(options.limits && { limits: options.limits }),
    });
  };

  const served = (feed: Feed): Pick<IcsFeedStatus, 'shiftCount' | 'warnings'> => ({
    shiftCount: feed.expansion?.shifts.length ?? 0,
    warnings: feed.expansion?.warnings ?? [],
  });

  const failed = async (feed: Feed, error: string): Promise<IcsFeedStatus> => {
    // The window moves on even while the feed is down: re-read the last good copy over it.
    if (feed.copy) {
      const again = await expand(feed, feed.copy.text);
      if (again.ok) feed.expansion = again.expansion;
    }
    feed.status = {
      shown: feed.status.shown,
      pending: false,
      ok: false,
      checkedAt: clock.now().getTime(),
      error,
      ...(feed.copy && { fetchedAt: feed.copy.fetchedAt, usingLastGoodSince: feed.copy.fetchedAt }),
      ...served(feed),
    };
    return feed.status;
  };

  const attempt = async (feed: Feed): Promise<IcsFeedStatus> => {
    const shown = feed.status.shown;
    let text: string;
    try {
      text = await fetchWithRetry(fetch, feed.url, feed.abort.signal, policy);
    } catch (error) {
      if (feed.abort.signal.aborted) return feed.status;
      return failed(feed, error instanceof Error ? error.message : String(error));
    }
    const fetchedAt = clock.now().getTime();
    const outcome = await expand(feed, text);
    if (feed.abort.signal.aborted) return feed.status;
    if (!outcome.ok)
      return failed(feed, `${shown} answered a feed that cannot be read: ${outcome.reason}`);
    const copy = { url: feed.url.href, fetchedAt, text };
    let saveError: string | undefined;
    try {
      await feed.file.save(copy);
    } catch (error) {
      saveError = `the copy could not be kept on disk (${error instanceof Error ? error.message : String(error)})`;
    }
    feed.copy = copy;
    feed.expansion = outcome.expansion;
    feed.status = {
      shown,
      pending: false,
      ok: true,
      fetchedAt,
      checkedAt: fetchedAt,
      ...served(feed),
      ...(saveError !== undefined && { warnings: [...outcome.expansion.warnings, saveError] }),
    };
    return feed.status;
  };

  const refreshFeed = (feed: Feed): Promise<IcsFeedStatus> => {
    feed.inFlight ??= attempt(feed).finally(() => {
      feed.inFlight = undefined;
      if (!feed.abort.signal.aborted) changed(feed);
    });
    return feed.inFlight;
  };

  const arm = (): void => {
    if (closed || timer !== undefined) return;
    // One timer for every feed, and it never keeps the app alive.
    timer = setTimeout(() => {
      timer = undefined;
      void (async () => {
        for (const feed of [...feeds.values()]) await refreshFeed(feed);
        arm();
      })();
    }, refreshMs);
    timer.unref();
  };

  return {
    async add(url, rule = {}) {
      const parsed = feedUrl(url);
      compilePersonRule(rule);
      const key = keyOf(parsed.href, rule);
      const existing = feeds.get(key);
      if (existing) {
        existing.abort.abort();
        feeds.delete(key);
      }
      const feed: Feed = {
        given: url,
        url: parsed,
        urlKey: parsed.href,
        rule,
        file: icsFeedFile(options.home, parsed.href),
        abort: new AbortController(),
        status: {
          shown: shownFeedUrl(parsed),
          pending: true,
          ok: false,
          shiftCount: 0,
          warnings: [],
        },
      };
      feeds.set(key, feed);
      const copy = await feed.file.load().catch(() => undefined);
      if (copy) {
        const outcome = await expand(feed, copy.text);
        if (outcome.ok && feeds.get(key) === feed) {
          feed.copy = copy;
          feed.expansion = outcome.expansion;
          feed.status = { ...feed.status, fetchedAt: copy.fetchedAt, ...served(feed) };
          changed(feed);
        }
      }
      if (feeds.get(key) !== feed) return;
      void refreshFeed(feed);
      arm();
    },
    async remove(url, rule) {
      const key = keyOf(url, rule);
      const feed = feeds.get(key);
      if (!feed) return;
      feed.abort.abort();
      feeds.delete(key);
      // A save in flight would bring the copy back after its removal.
      await feed.inFlight?.catch(() => undefined);
      // Another rule still reading this URL keeps serving from the copy.
      if ([...feeds.values()].some((other) => other.urlKey === feed.urlKey)) return;
      await feed.file.remove();
    },
    async refresh(url, rule) {
      const feed = feeds.get(keyOf(url, rule));
      if (!feed) throw new Error(`${url} is not a followed feed; add it first`);
      return refreshFeed(feed);
    },
    shifts(url, from, to, rule) {
      const shifts = feeds.get(keyOf(url, rule))?.expansion?.shifts ?? [];
      return shifts.filter((shift) => shift.end > from && shift.start < to);
    },
    status(url, rule) {
      return feeds.get(keyOf(url, rule))?.status;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const feed of feeds.values()) feed.abort.abort();
      await Promise.allSettled([...feeds.values()].map((feed) => feed.inFlight));
      await parser.close();
    },
  };
}
