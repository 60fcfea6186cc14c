import type { Settings } from '../../../../shared/domain/settings';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';
import type { FeedStatus } from '../../../../shared/schedules/feed-status';
import { shownFeedAddress } from '../../../../shared/schedules/schedule-schema';
import { feedUrl } from '../../schedules/ics-feed-url';
import { feedSecretKey, icsLayersOf } from '../../schedules/schedule-feeds';
import type { SecretStore } from '../../secrets/secret-store';

/** Setting a feed layer's URL, and reading its feed again now. */
export type ScheduleFeedHandlers = Pick<
  InvokeHandlers,
  'schedules:setFeedUrl' | 'schedules:readFeed'
>;

/** What setting a feed's URL needs. */
export interface ScheduleFeedHandlerDeps {
  secrets: SecretStore;
  settings: () => Settings;
  /** Follow the feeds again (a feed's URL changed); resolves once they are configured. */
  feedsChanged: () => Promise<void>;
  /** Read a feed again now: its status once read, undefined when it is not followed. */
  readFeed: (feed: string) => Promise<FeedStatus | undefined>;
}

/**
 * `schedules:setFeedUrl`: a feed's URL goes to the secret store and nowhere else; the answer
 * carries it as shown (scheme and host) only.
 * @param deps - the secret store, the settings, and the feeds to follow again
 */
export function scheduleFeedHandlers(deps: ScheduleFeedHandlerDeps): ScheduleFeedHandlers {
  return {
    'schedules:setFeedUrl': async ({ feed, url }) => {
      const named = icsLayersOf(deps.settings().schedules.list).some((l) => l.feed === feed);
      if (!named) {
        throw new IpcFailure(
          'not-found',
          `No saved schedule has the feed "${feed}". Save the schedule first, then its feed's URL.`,
        );
      }
      try {
        feedUrl(url);
      } catch (error) {
        throw new IpcFailure(
          'bad-request',
          `Not stored: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      try {
        await deps.secrets.set(feedSecretKey(feed), url.trim());
      } catch (error) {
        throw new IpcFailure(
          'unavailable',
          `The feed's URL was not stored: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      await deps.feedsChanged();
      return { feed, shownAs: shownFeedAddress(url) };
    },
    'schedules:readFeed': async ({ feed }) => {
      const status = await deps.readFeed(feed);
      if (status === undefined) {
        throw new IpcFailure(
          'not-found',
          `No saved schedule reads the feed "${feed}" from a stored URL. Save the schedule with its feed's URL first.`,
        );
      }
      return status;
    },
  };
}
