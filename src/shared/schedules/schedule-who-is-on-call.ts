import type { WhoIsOnCall } from '../escalation/policy-plan';
import type { EscalationPerson } from '../escalation/policy-schema';
import { noShiftFeed, type ShiftFeed } from './layer-shifts';
import { personOnCall } from './on-call';
import type { Schedule, ScheduleLayerName } from './schedule-schema';

/** The suffix of a target id that pages a schedule's secondary layer: `schedule:platform-secondary`. */
export const SECONDARY_SUFFIX = '-secondary';

/**
 * Which schedule and layer an escalation target's schedule id names: a schedule's own id pages
 * its primary layer; `<id>-secondary` pages the secondary layer of schedule `<id>` (a schedule
 * whose own id ends so is found first). Undefined when no schedule matches.
 * @param schedules - the schedules
 * @param targetId - the id in `{ kind: 'schedule', id }`
 */
export function scheduleTarget(
  schedules: readonly Schedule[],
  targetId: string,
): { schedule: Schedule; layer: ScheduleLayerName } | undefined {
  const own = schedules.find((s) => s.id === targetId);
  if (own) return { schedule: own, layer: 'primary' };
  if (!targetId.endsWith(SECONDARY_SUFFIX)) return undefined;
  const base = targetId.slice(0, -SECONDARY_SUFFIX.length);
  const schedule = schedules.find((s) => s.id === base);
  return schedule ? { schedule, layer: 'secondary' } : undefined;
}

/**
 * The escalation's `WhoIsOnCall` from the schedules: the person on call in the layer the target
 * names (see {@link scheduleTarget}), as an escalation person's id when one has that id or name
 * (so the outbound service reaches them through their channel), else as the schedule names them.
 * Nobody for an unknown schedule, a gap in the layer, or a feed with no shifts: the level is
 * then skipped at once. The schedules are read at each call, so a change applies at once.
 * @param schedules - the schedules as they are now
 * @param people - the escalation people as they are now
 * @param feed - the iCalendar feed service
 */
export function scheduleWhoIsOnCall(
  schedules: () => readonly Schedule[],
  people: () => readonly EscalationPerson[],
  feed: ShiftFeed = noShiftFeed,
): WhoIsOnCall {
  return (scheduleId, at) => {
    const target = scheduleTarget(schedules(), scheduleId);
    if (!target) return [];
    const person = personOnCall(target.schedule, target.layer, at, feed);
    if (person === undefined) return [];
    const key = person.trim().toLowerCase();
    const known = people().find((p) => p.id === person || p.name.trim().toLowerCase() === key);
    return [known?.id ?? person];
  };
}
