import type { Settings } from '../../../shared/domain/settings';
import { reconcileDeadlines } from '../../../shared/escalation/scheduler-state';
import type { ShiftFeed } from '../../../shared/schedules/layer-shifts';
import { nextLayerChange, personOnCall } from '../../../shared/schedules/on-call';
import type { ShiftChange } from '../../../shared/schedules/shift-change';
import {
  desiredShiftChanges,
  desiredShiftReminders,
  myShiftStartsAt,
  parseShiftSubject,
  shiftReminderText,
} from '../../../shared/schedules/shift-deadlines';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import type { Notifier } from '../notify/notifier';
import type { ShiftChangeLog } from '../schedules/shift-change-log';
import type { DeadlineScheduler } from './deadline-scheduler';

/** A change noticed more than this late (the app was off) does not walk every change missed. */
const CATCH_UP_MS = 86_400_000;

/** What {@link createShiftDeadlines} needs. */
export interface ShiftDeadlineOptions {
  scheduler: DeadlineScheduler;
  clock: Clock;
  notifier: Notifier;
  settings: () => Settings;
  /** The name schedules know me by (the profile's). */
  me: () => string | undefined;
  /** The time zone the user reads times in. */
  timeZone: () => string;
  feed: ShiftFeed;
  changes: ShiftChangeLog;
  /** Told each change of who is on call, once it is in the log. */
  onChange?: (change: ShiftChange) => void;
  log: AppLog;
}

/** The reminder before my shift and the shift-change log, on the deadline scheduler. */
export interface ShiftDeadlines {
  /** Plan the next reminder and change of every layer from the schedules now. Never rejects. */
  check(): Promise<void>;
  stop(): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Two kinds of deadline from the on-call schedules:
 *
 * - `shift-reminder`, `reminderMinutes` before each shift of mine: a notification "Your on-call
 *   shift starts at 09:00 (primary, Platform)". At most once: marked fired before it is shown,
 *   and the fired mark is kept until the shift has started, so neither a restart nor a re-plan
 *   shows it again. Dropped when the shift is no longer mine or has begun.
 * - `shift-change`, at each change of who is on call in a layer: an entry in the shift-change
 *   log (for the handoff review) written after the mark, and `onChange`. Each fires once, then
 *   plans the next change of its layer; a change missed while the app was off fires late, once.
 *
 * @param options - scheduler, clock, notifier, settings and the log
 */
export function createShiftDeadlines(options: ShiftDeadlineOptions): ShiftDeadlines {
  const { scheduler, clock, log, feed } = options;
  let stopped = false;
  const schedules = () => options.settings().schedules.list;
  const find = (id: string) => schedules().find((s) => s.id === id);

  const check = async (): Promise<void> => {
    if (stopped) return;
    try {
      const now = clock.now();
      const list = schedules();
      const { reminderMinutes } = options.settings().schedules;
      const chains = new Set(list.flatMap((s) => [`${s.id}|primary`, `${s.id}|secondary`]));
      const changes = desiredShiftChanges(list, now, feed);
      const reminders = desiredShiftReminders(list, options.me(), now, reminderMinutes, feed);
      await scheduler.update((state) => {
        // A change past due but not yet fired (the app was off) still fires; one fired stays as
        // its layer's mark, unless its schedule is gone.
        let deadlines = reconcileDeadlines(state.deadlines, 'shift-change', changes, (d) => {
          const subject = parseShiftSubject(d.subject);
          if (!subject || !chains.has(`${subject.scheduleId}|${subject.layer}`)) return true;
          return d.firedAt === undefined && Date.parse(d.dueAt) > now.getTime();
        });
        const reminded = new Set(
          deadlines.filter((d) => d.kind === 'shift-reminder' && d.firedAt).map((d) => d.subject),
        );
        deadlines = reconcileDeadlines(
          deadlines,
          'shift-reminder',
          reminders.filter((r) => !reminded.has(r.subject)),
          (d) => {
            // A reminder shown is remembered until its shift has begun.
            const start = parseShiftSubject(d.subject)?.start ?? 0;
            return d.firedAt === undefined || start <= now.getTime();
          },
        );
        return deadlines === state.deadlines ? undefined : { ...state, deadlines: [...deadlines] };
      });
    } catch (error) {
      log(
        'error',
        `Schedules: the shift reminders and changes could not be planned: ${message(error)}`,
      );
    }
  };

  scheduler.handle('shift-reminder', ({ deadline }, now) => {
    const subject = parseShiftSubject(deadline.subject);
    const schedule = subject && find(subject.scheduleId);
    if (!subject || subject.start === undefined || !schedule) return { do: 'drop' };
    const { layer, start } = subject;
    if (now.getTime() >= start || !myShiftStartsAt(schedule, layer, start, options.me(), feed)) {
      return { do: 'drop' };
    }
    // Marked fired all the same, so turning notifications on later does not remind of it.
    if (!options.settings().notifications.enabled) return { do: 'fire' };
    const text = shiftReminderText(schedule, layer, start, now, options.timeZone());
    return {
      do: 'fire',
      act: async () => {
        try {
          await options.notifier.notify({ ...text, urgency: 'normal' });
        } catch (error) {
          log('warn', `Schedules: "${text.title}" was not shown: ${message(error)}`);
        }
      },
    };
  });

  scheduler.handle('shift-change', ({ deadline, lateMs }, now) => {
    const subject = parseShiftSubject(deadline.subject);
    const schedule = subject && find(subject.scheduleId);
    if (!subject || !schedule || !schedule.layers[subject.layer]) return { do: 'drop' };
    const { layer } = subject;
    const at = Date.parse(deadline.dueAt);
    const from = personOnCall(schedule, layer, new Date(at - 1), feed);
    const to = personOnCall(schedule, layer, new Date(at), feed);
    const after = Math.max(at, now.getTime() - CATCH_UP_MS);
    const next = nextLayerChange(schedule, layer, new Date(after), feed);
    const then =
      next === undefined
        ? []
        : [
            {
              kind: 'shift-change' as const,
              subject: deadline.subject,
              dueAt: new Date(next).toISOString(),
            },
          ];
    if (from === to) return { do: 'fire', then };
    const change: ShiftChange = {
      id: deadline.id,
      scheduleId: schedule.id,
      scheduleName: schedule.name,
      layer,
      at: deadline.dueAt,
      ...(from !== undefined && { from }),
      ...(to !== undefined && { to }),
      ...(lateMs > 0 && { lateMs }),
    };
    return {
      do: 'fire',
      then,
      act: async () => {
        try {
          await options.changes.append(change);
        } catch (error) {
          log(
            'warn',
            `Schedules: the shift change ${change.id} could not be logged: ${message(error)}`,
          );
        }
        options.onChange?.(change);
        // My next reminder may follow from this change (my shift began); not awaited: this
        // runs inside the scheduler's check, which the re-plan waits for.
        void check();
      },
    };
  });

  return {
    check,
    stop() {
      stopped = true;
    },
  };
}
