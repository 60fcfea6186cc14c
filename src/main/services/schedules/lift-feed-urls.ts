import { randomUUID } from 'node:crypto';
import type { SettingsView } from '../../../shared/ipc/contract';
import {
  shownFeedAddress,
  type Schedule,
  type ScheduleLayer,
} from '../../../shared/schedules/schedule-schema';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { feedSecretKey } from './schedule-feeds';

/**
 * Moves every plain feed URL in the settings (written by hand, or by a version before feeds'
 * URLs were secrets) into the secret store, leaving the layer its id and its URL as shown. This
 * is the settings' migration of feed layers; it needs the secret store, so main does it.
 * @param view - the settings as read
 * @param secrets - where the URLs go
 * @param store - saves the settings without the URLs
 * @returns whether the settings were changed (their change event follows)
 */
export async function liftFeedUrls(
  view: SettingsView,
  secrets: SecretStore,
  store: Pick<SettingsStore, 'update'>,
): Promise<boolean> {
  if (view.problem) return false;
  const { schedules } = view.settings;
  let moved = false;
  const lift = async (layer: ScheduleLayer | undefined): Promise<ScheduleLayer | undefined> => {
    if (layer?.kind !== 'ics' || layer.url === undefined) return layer;
    const feed = layer.feed ?? randomUUID();
    await secrets.set(feedSecretKey(feed), layer.url);
    moved = true;
    // Everything else of the layer (its person, its pattern) stays as written.
    const { url, ...rest } = layer;
    return { ...rest, feed, shownAs: shownFeedAddress(url) };
  };
  const list: Schedule[] = [];
  for (const schedule of schedules.list) {
    const primary = (await lift(schedule.layers.primary)) ?? schedule.layers.primary;
    const secondary = await lift(schedule.layers.secondary);
    list.push({ ...schedule, layers: { primary, ...(secondary && { secondary }) } });
  }
  if (!moved) return false;
  store.update({ schedules: { ...schedules, list } });
  return true;
}
