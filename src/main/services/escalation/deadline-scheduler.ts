import { clockJumpMs, type ClockReading } from '../../../shared/escalation/clock-jump';
import {
  DEADLINE_DELIVERY,
  makeDeadline,
  type Deadline,
  type DeadlineInput,
  type DeadlineKind,
} from '../../../shared/escalation/deadline';
import {
  dueDeadlines,
  sleepBeforeNextCheck,
  type DueDeadline,
} from '../../../shared/escalation/due-deadlines';
import {
  emptySchedulerState,
  type SchedulerState,
} from '../../../shared/escalation/scheduler-state';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import type { SchedulerStateFile } from './scheduler-state-file';
import type { SchedulerStateStore } from './scheduler-state-store';

/**
 * The longest the scheduler sleeps. A wake-up timer runs on a monotonic clock: after the wall
 * clock jumps forward (NTP, the user, a sleep the monotonic clock did not count) it would
 * fire late. Waking this often bounds how late a step can be because of that.
 */
export const SCHEDULER_HEARTBEAT_MS = 30_000;

/** What a due deadline does now, as its kind's handler decides from the current state. */
export type DuePlan =
  /** Mark it fired, add `then` (the next step) in the same write, and run `act`. */
  | {
      readonly do: 'fire';
      readonly then?: readonly DeadlineInput[];
      readonly act?: () => Promise<void>;
    }
  /** It no longer applies (the alert resolved, was acknowledged): remove it without acting. */
  | { readonly do: 'drop' }
  /** Not decidable yet (the alert's source has not answered since start): leave it pending. */
  | { readonly do: 'wait' };

/** Decides what one due deadline of its kind does. Must not throw; a throw counts as `wait`. */
export type DeadlineHandler = (due: DueDeadline, now: Date) => DuePlan;

/** What {@link createDeadlineScheduler} needs. */
export interface DeadlineSchedulerOptions {
  file: SchedulerStateFile;
  clock: Clock;
  /** A monotonic clock in ms (`performance.now`), to tell a wall-clock jump from time passing. */
  monotonic: () => number;
  log: AppLog;
  heartbeatMs?: number;
  /** Told the state after each write, once it is on disk. Must not throw. */
  onWrite?: (state: SchedulerState) => void;
}

/** Counters for the bench and the log. */
export interface SchedulerStats {
  /** Timer wake-ups (not checks asked for by callers). */
  wakeUps: number;
  checks: number;
  fired: number;
  /** Wall-clock jumps noticed (sleep, time change). */
  jumps: number;
}

/** The one persisted deadline scheduler (docs/architecture.md, escalation). */
export interface DeadlineScheduler extends SchedulerStateStore {
  /** Sets the handler of a kind; its due deadlines wait until it has one. */
  handle(kind: DeadlineKind, handler: DeadlineHandler): void;
  /** Reads the file, then checks; every other call waits for this. */
  open(): Promise<void>;
  /** Fire what is due now and re-arm the wake-up. Never rejects. */
  check(): Promise<void>;
  /**
   * Change the persisted state (schedule, cancel, remember an announcement). Resolves once the
   * change is on disk, and only then is a timer armed for it; rejects when it could not be
   * written. Due deadlines are checked after it.
   */
  update: SchedulerStateStore['update'];
  /** The state as last written. */
  state(): SchedulerState;
  /** The machine woke from sleep (powerMonitor 'resume'): check now. */
  resume(): Promise<void>;
  stats(): SchedulerStats;
  /** No more wake-ups; resolves after the write in progress. */
  close(): Promise<void>;
}

/**
 * Every due thing is an absolute wall-clock deadline written to disk before a timer is armed
 * for it; the timer is only a wake-up hint (one, for the earliest deadline, at most
 * {@link SCHEDULER_HEARTBEAT_MS} away, unref'd). Checks run on open, on every wake-up, after
 * every change, on `resume()` and on a wall-clock jump seen by comparing the wall clock with
 * the monotonic one. A due deadline is marked fired on disk, with its next step, before its
 * action runs (at-most-once, see `DEADLINE_DELIVERY` in src/shared/escalation/deadline.ts), so a
 * crash neither repeats a notification nor loses the next step; an at-least-once kind (a page
 * to others) acts first and is marked after, so a crash between repeats it and never loses it.
 * The action learns how late it is.
 * @param options - file, clocks and log
 */
export function createDeadlineScheduler(options: DeadlineSchedulerOptions): DeadlineScheduler {
  const { file, clock, log } = options;
  const heartbeatMs = options.heartbeatMs ?? SCHEDULER_HEARTBEAT_MS;
  const handlers = new Map<DeadlineKind, DeadlineHandler>();
  const stats: SchedulerStats = { wakeUps: 0, checks: 0, fired: 0, jumps: 0 };
  let current: SchedulerState | undefined;
  let lastReading: ClockReading | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let opening: Promise<void> | undefined;
  let markOpen: () => void = () => undefined;
  // Calls made before open() (an alert change racing the start) wait for the file to be read.
  const ready = new Promise<void>((resolve) => {
    markOpen = resolve;
  });
  // Everything that reads or writes the state runs one after another, so two checks never
  // both see a deadline pending and fire it twice.
  let queue: Promise<unknown> = Promise.resolve();

  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      await ready;
      return job();
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const state = (): SchedulerState => {
    if (!current) throw new Error('the deadline scheduler is not open yet');
    return current;
  };

  const write = async (next: SchedulerState): Promise<void> => {
    await file.save(next);
    current = next;
    options.onWrite?.(next);
  };

  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (closed || !current) return;
    const sleep = sleepBeforeNextCheck(current.deadlines, clock.now(), heartbeatMs);
    // 1 ms more, so the wall clock reads "due" when a timer that aimed at it fires.
    timer = setTimeout(() => {
      timer = undefined;
      stats.wakeUps++;
      void check();
    }, sleep + 1);
    timer.unref?.();
  };

  const noticeJump = (): void => {
    const reading = { wallMs: clock.now().getTime(), monoMs: options.monotonic() };
    const jump = lastReading ? clockJumpMs(lastReading, reading) : undefined;
    lastReading = reading;
    if (jump === undefined) return;
    stats.jumps++;
    log(
      'info',
      `Escalation: the wall clock moved ${Math.round(jump / 1000)} s ${jump > 0 ? 'ahead' : 'back'} on its own (sleep or time change); deadlines re-checked.`,
    );
  };

  const plan = (due: DueDeadline, now: Date): DuePlan => {
    const handler = handlers.get(due.deadline.kind);
    if (!handler) return { do: 'wait' };
    try {
      return handler(due, now);
    } catch (error) {
      log(
        'error',
        `Escalation: deciding ${due.deadline.id} failed, it stays pending: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return { do: 'wait' };
    }
  };

  // The newest fired mark of a chain is enough to never fire it again; older ones of the same
  // kind and subject are forgotten, so a repeat every minute does not grow the file.
  const withMarks = (
    deadlines: readonly Deadline[],
    fired: ReadonlyMap<string, Deadline>,
    dropped: ReadonlySet<string>,
    added: readonly Deadline[],
  ): Deadline[] => {
    const known = new Set(deadlines.map((d) => d.id));
    const newestFired = new Map<string, Deadline>();
    for (const d of fired.values()) {
      const chain = `${d.kind}|${d.subject}`;
      const other = newestFired.get(chain);
      if (!other || Date.parse(other.dueAt) < Date.parse(d.dueAt)) newestFired.set(chain, d);
    }
    const stale = (d: Deadline): boolean => {
      const newest = newestFired.get(`${d.kind}|${d.subject}`);
      return (
        newest !== undefined &&
        newest.id !== d.id &&
        Date.parse(d.dueAt) < Date.parse(newest.dueAt) &&
        (d.firedAt !== undefined || fired.has(d.id))
      );
    };
    return [
      ...deadlines.filter((d) => !dropped.has(d.id) && !stale(d)).map((d) => fired.get(d.id) ?? d),
      ...added.filter((d) => !known.has(d.id)),
    ];
  };

  // At-least-once deadlines whose action runs now: no other check acts on them again, and their
  // mark is written once the action has ended.
  const acting = new Set<string>();

  /** After an at-least-once action: mark it fired, unless it was dropped meanwhile. */
  const markAfterAct = (marked: Deadline, then: readonly DeadlineInput[]) =>
    enqueue(async () => {
      acting.delete(marked.id);
      // Closing: left pending on disk, so the next start acts again (the receiver deduplicates).
      if (closed) return;
      const before = state();
      if (!before.deadlines.some((d) => d.id === marked.id && d.firedAt === undefined)) return;
      const deadlines = withMarks(
        before.deadlines,
        new Map([[marked.id, marked]]),
        new Set(),
        then.map(makeDeadline),
      );
      try {
        await write({ ...before, deadlines });
        stats.fired += 1;
      } catch (error) {
        log(
          'error',
          `Escalation: ${marked.id} was done but its mark could not be written; it may be done again: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });

  /** One check; answers the at-least-once actions it started, which end outside the queue. */
  const run = async (): Promise<Promise<void>[]> => {
    if (closed) return [];
    stats.checks++;
    noticeJump();
    const now = clock.now();
    const before = state();
    const due = dueDeadlines(before.deadlines, now).filter((d) => !acting.has(d.deadline.id));
    const later: Promise<void>[] = [];
    if (due.length > 0) {
      const fired = new Map<string, Deadline>();
      const dropped = new Set<string>();
      const added: Deadline[] = [];
      const acts: { id: string; act: () => Promise<void> }[] = [];
      const actFirst: {
        marked: Deadline;
        then: readonly DeadlineInput[];
        act: () => Promise<void>;
      }[] = [];
      for (const item of due) {
        const decision = plan(item, now);
        const { id } = item.deadline;
        if (decision.do === 'wait') continue;
        if (decision.do === 'drop') {
          dropped.add(id);
          continue;
        }
        const marked = { ...item.deadline, firedAt: now.toISOString(), lateMs: item.lateMs };
        if (DEADLINE_DELIVERY[item.deadline.kind] === 'at-least-once' && decision.act) {
          actFirst.push({ marked, then: decision.then ?? [], act: decision.act });
          continue;
        }
        fired.set(id, marked);
        for (const input of decision.then ?? []) added.push(makeDeadline(input));
        if (decision.act) acts.push({ id, act: decision.act });
      }
      if (fired.size > 0 || dropped.size > 0) {
        try {
          await write({ ...before, deadlines: withMarks(before.deadlines, fired, dropped, added) });
        } catch (error) {
          // Nothing acted on: the deadlines are still pending and the heartbeat tries again.
          log(
            'error',
            `Escalation: could not record fired deadlines, trying again shortly: ${error instanceof Error ? error.message : String(error)}`,
          );
          arm();
          return [];
        }
        stats.fired += fired.size;
      }
      // At-least-once: the action first, its mark after, outside this check so a slow page
      // (retries with backoff) holds up no other deadline.
      for (const { marked, then, act } of actFirst) {
        acting.add(marked.id);
        later.push(
          act()
            .catch((error: unknown) => {
              log(
                'warn',
                `Escalation: ${marked.id}'s action failed: ${error instanceof Error ? error.message : String(error)}`,
              );
            })
            .then(() => markAfterAct(marked, then))
            .catch(() => undefined),
        );
      }
      // Started in order, all before any is awaited, so a kind may gather the actions of one
      // check into one notification (several acknowledgements ending together).
      await Promise.all(
        acts.map(({ id, act }) =>
          act().catch((error: unknown) => {
            // Recorded as fired: at-most-once. A repeat, if any, is already scheduled.
            log(
              'warn',
              `Escalation: ${id} fired but its action failed: ${error instanceof Error ? error.message : String(error)}`,
            );
          }),
        ),
      );
    }
    arm();
    return later;
  };

  const check = async (): Promise<void> => {
    const later = await enqueue(run).catch((error: unknown) => {
      log(
        'error',
        `Escalation: a check failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      arm();
      return [];
    });
    await Promise.all(later);
  };

  return {
    handle(kind, handler) {
      handlers.set(kind, handler);
    },
    open() {
      opening ??= file
        .load()
        .catch((error: unknown) => {
          log(
            'error',
            `Escalation: ${file.path} could not be read, starting with nothing scheduled: ${error instanceof Error ? error.message : String(error)}`,
          );
          return undefined;
        })
        .then((loaded) => {
          current = loaded ?? emptySchedulerState();
          markOpen();
        });
      return opening.then(() => check());
    },
    check,
    async update(change) {
      await enqueue(async () => {
        // Closed: the file was flushed for the last time; a late change (a poll answered while
        // the app stops) is not written after it.
        if (closed) return;
        const next = change(state());
        if (next && next !== current) await write(next);
        arm();
      });
      // Something added may be due at once (an acknowledgement that ends within minutes).
      await check();
    },
    state,
    resume() {
      log('info', 'Escalation: the machine woke up; deadlines re-checked.');
      return check();
    },
    stats: () => ({ ...stats }),
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await queue;
      await file.flush();
    },
  };
}
