import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import {
  deadlineSchema,
  makeDeadline,
  type Deadline,
  type DeadlineInput,
  type DeadlineKind,
} from './deadline';

/** Version of the scheduler's file; a newer one is refused, not overwritten. */
export const SCHEDULER_STATE_VERSION = 1;

/** Most alerts remembered as announced; beyond it the oldest are forgotten first. */
export const MAX_ANNOUNCED = 10_000;

/** What the app remembers of an alert it has announced. */
export const announcedSchema = z.object({
  /** When it was first announced. */
  at: isoTimeSchema,
  /** True while it is suppressed (silenced, acknowledged): firing again is news again. */
  suppressed: z.boolean().optional(),
});

/** An announced alert. */
export type Announced = z.infer<typeof announcedSchema>;

/** Everything the scheduler keeps on disk: the deadlines, and the alerts announced. */
export const schedulerStateSchema = z.object({
  version: z.literal(SCHEDULER_STATE_VERSION),
  deadlines: z.array(deadlineSchema),
  /** By alert id. */
  announced: z.record(z.string(), announcedSchema),
  /** Do-not-disturb: my local alarms are silent except sev1, from `since` until `until` (or until turned off). */
  doNotDisturb: z.object({ since: isoTimeSchema, until: isoTimeSchema.optional() }).optional(),
});

/** The scheduler's persisted state. */
export type SchedulerState = z.infer<typeof schedulerStateSchema>;

/** A state with nothing scheduled and nothing announced. */
export function emptySchedulerState(): SchedulerState {
  return { version: SCHEDULER_STATE_VERSION, deadlines: [], announced: {} };
}

/**
 * Make the deadlines of one kind (within `scope`) exactly `desired`: a desired deadline that
 * exists already, pending or fired, is kept as it is (so one that fired never fires again),
 * a new one is added pending, and one no longer desired is dropped (so the memory of what fired
 * stays bounded by what is still wanted). Deadlines outside `scope` are left alone, so a caller
 * that knows only part of the picture (one source has answered, another not yet) changes only
 * that part.
 * @param deadlines - every deadline
 * @param kind - the kind to reconcile
 * @param desired - what that kind should hold within the scope
 * @param scope - which deadlines of the kind the caller speaks for; all by default
 * @returns the new list, or the same array when nothing changed
 */
export function reconcileDeadlines(
  deadlines: readonly Deadline[],
  kind: DeadlineKind,
  desired: readonly DeadlineInput[],
  scope: (deadline: Deadline) => boolean = () => true,
): readonly Deadline[] {
  const wanted = new Map(desired.map((input) => [makeDeadline(input).id, input]));
  const kept: Deadline[] = [];
  let changed = false;
  for (const d of deadlines) {
    if (d.kind === kind && scope(d) && !wanted.has(d.id)) {
      changed = true;
      continue;
    }
    kept.push(d);
    wanted.delete(d.id);
  }
  for (const input of wanted.values()) {
    kept.push(makeDeadline(input));
    changed = true;
  }
  return changed ? kept : deadlines;
}

/**
 * Keep the announced set bounded: beyond `max` entries the oldest announcements are forgotten.
 * @param announced - by alert id
 * @param max - the bound
 */
export function boundAnnounced(
  announced: Readonly<Record<string, Announced>>,
  max = MAX_ANNOUNCED,
): Record<string, Announced> {
  const entries = Object.entries(announced);
  if (entries.length <= max) return { ...announced };
  entries.sort(([, a], [, b]) => Date.parse(b.at) - Date.parse(a.at));
  return Object.fromEntries(entries.slice(0, max));
}

/**
 * True while do-not-disturb holds at `now`.
 * @param state - the scheduler's state
 * @param now - the time asked about
 */
export function doNotDisturbAt(state: Pick<SchedulerState, 'doNotDisturb'>, now: Date): boolean {
  const dnd = state.doNotDisturb;
  return dnd !== undefined && (dnd.until === undefined || Date.parse(dnd.until) > now.getTime());
}
