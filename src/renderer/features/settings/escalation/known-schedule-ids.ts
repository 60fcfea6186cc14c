import type { Settings } from '../../../../shared/domain/settings';
import { SECONDARY_SUFFIX } from '../../../../shared/schedules/schedule-who-is-on-call';

/**
 * The target ids a policy level can page a schedule by, for the schedule target's suggestions
 * and its check: each schedule's id (its primary layer) and `<id>-secondary` where it has a
 * secondary layer. `undefined` when there are no schedules, so that an unknown id is then not
 * refused: the product's default levels name `secondary` and `manager` before a team has made
 * its schedules.
 * @param settings - the settings as the app sent them
 */
export function knownScheduleIds(settings: Pick<Settings, 'schedules'>): string[] | undefined {
  const ids = settings.schedules.list.flatMap((schedule) => [
    schedule.id,
    ...(schedule.layers.secondary ? [`${schedule.id}${SECONDARY_SUFFIX}`] : []),
  ]);
  return ids.length > 0 ? ids : undefined;
}
