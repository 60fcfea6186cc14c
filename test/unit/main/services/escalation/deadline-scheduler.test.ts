import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDeadlineScheduler,
  type DeadlineHandler,
  type DeadlineScheduler,
} from '../../../../../src/main/services/escalation/deadline-scheduler';
import { schedulerStateFile } from '../../../../../src/main/services/escalation/scheduler-state-file';
import { makeDeadline } from '../../../../../src/shared/escalation/deadline';
import type { DueDeadline } from '../../../../../src/shared/escalation/due-deadlines';
import { memorySchedulerFile } from '../../../../support/memory-scheduler';

const T0 = Date.parse('2026-01-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('the persisted deadline scheduler', () => {
  let dir: string;
  let wall = T0;
  let mono = 0;
  const open: DeadlineScheduler[] = [];
  const logs: string[] = [];
  const clock = { now: () => new Date(wall) };
  const advance = (ms: number) => {
    wall += ms;
    mono += ms;
  };

  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'sched-')), 'escalation');
    wall = T0;
    mono = 0;
    logs.length = 0;
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  /** A scheduler over the test's directory: calling it again is the app restarting. */
  function start(handler: DeadlineHandler, now: () => Date = clock.now): DeadlineScheduler {
    const scheduler = createDeadlineScheduler({
      file: schedulerStateFile(dir, { now }, (level, m) => logs.push(`${level}: ${m}`)),
      clock: { now },
      monotonic: () => mono,
      log: (level, m) => logs.push(`${level}: ${m}`),
    });
    scheduler.handle('alarm-repeat', handler);
    open.push(scheduler);
    return scheduler;
  }

  const schedule = (scheduler: DeadlineScheduler, subject: string, dueAt: number) =>
    scheduler.update((state) => ({
      ...state,
      deadlines: [
        ...state.deadlines,
        makeDeadline({ kind: 'alarm-repeat', subject, dueAt: iso(dueAt) }),
      ],
    }));

  const onDisk = async () => JSON.parse(await readFile(path.join(dir, 'deadlines.json'), 'utf8'));

  it('writes a deadline to a private file before it is armed, fires it once when due, and not again after a restart', async () => {
    const fired: string[] = [];
    const handler: DeadlineHandler = (due) => ({
      do: 'fire',
      act: async () => void fired.push(due.deadline.subject),
    });
    const first = start(handler);
    await first.open();
    await schedule(first, 'prod:a', T0 + 60_000);

    expect((await onDisk()).deadlines).toMatchObject([
      { subject: 'prod:a', dueAt: iso(T0 + 60_000) },
    ]);
    expect((await stat(path.join(dir, 'deadlines.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);

    advance(59_999);
    await first.check();
    expect(fired).toEqual([]);
    advance(1);
    await first.check();
    await first.check();
    expect(fired).toEqual(['prod:a']);
    await first.close();

    advance(10_000);
    const second = start(handler);
    await second.open();
    await second.check();
    expect(fired).toEqual(['prod:a']);
  });

  it('records the fired mark and the next step on disk before the action runs (at most once)', async () => {
    let seenDuringAct: unknown;
    const scheduler = start((due) => ({
      do: 'fire',
      then: [
        {
          kind: 'alarm-repeat',
          subject: 'prod:a',
          dueAt: iso(Date.parse(due.deadline.dueAt) + 60_000),
          step: 2,
        },
      ],
      act: async () => {
        seenDuringAct = (await onDisk()).deadlines;
      },
    }));
    await scheduler.open();
    await schedule(scheduler, 'prod:a', T0 + 1000);
    advance(1000);
    await scheduler.check();
    expect(seenDuringAct).toMatchObject([
      { dueAt: iso(T0 + 1000), firedAt: iso(T0 + 1000), lateMs: 0 },
      { dueAt: iso(T0 + 61_000), step: 2 },
    ]);
  });

  it('acts on an escalation step before marking it (at least once): a crash in between acts again, and it is never lost', async () => {
    const file = memorySchedulerFile();
    const save = file.save;
    const acted: (string | undefined)[] = [];
    const boot = async () => {
      const scheduler = createDeadlineScheduler({
        file,
        clock,
        monotonic: () => mono,
        log: (level, m) => logs.push(`${level}: ${m}`),
      });
      scheduler.handle('escalation-step', () => ({
        do: 'fire',
        // What a crash during the page would leave on disk: the step still pending.
        act: async () => void acted.push(JSON.parse(file.text ?? '{}').deadlines[0].firedAt),
      }));
      open.push(scheduler);
      await scheduler.open();
      return scheduler;
    };
    const first = await boot();
    await first.update((state) => ({
      ...state,
      deadlines: [
        makeDeadline({
          kind: 'escalation-step',
          subject: 'prod:a',
          dueAt: iso(T0 + 1000),
          level: 2,
          repeat: 0,
        }),
      ],
    }));
    // The process dies after the page went out, before its mark is written.
    file.save = async () => {
      throw new Error('killed');
    };
    advance(1000);
    await first.check();
    expect(acted).toEqual([undefined]);
    await first.close();

    file.save = save;
    const second = await boot();
    expect(acted).toEqual([undefined, undefined]);
    expect(second.state().deadlines[0]).toMatchObject({ firedAt: iso(T0 + 1000) });
    await second.close();
    await boot();
    expect(acted).toHaveLength(2);
  });

  it('keeps only the newest fired step of a chain, so a repeat every minute does not grow the file', async () => {
    const scheduler = start((due) => ({
      do: 'fire',
      then: [
        {
          kind: 'alarm-repeat',
          subject: 'prod:a',
          dueAt: iso(Date.parse(due.deadline.dueAt) + 60_000),
        },
      ],
    }));
    await scheduler.open();
    await schedule(scheduler, 'prod:a', T0 + 60_000);
    for (let i = 0; i < 10; i++) {
      advance(60_000);
      await scheduler.check();
    }
    expect((await onDisk()).deadlines).toHaveLength(2);
  });

  it('tells a late step how late it is (the app was closed, or the machine asleep)', async () => {
    const seen: DueDeadline[] = [];
    const scheduler = start((due) => {
      seen.push(due);
      return { do: 'fire' };
    });
    await scheduler.open();
    await schedule(scheduler, 'prod:a', T0 + 60_000);
    await scheduler.close();

    advance(60_000 + 17 * 60_000);
    const after = start((due) => {
      seen.push(due);
      return { do: 'fire' };
    });
    await after.open();
    expect(seen.map((due) => due.lateMs)).toEqual([17 * 60_000]);
  });

  it('leaves a step pending while its handler waits, and drops one that no longer applies', async () => {
    let ready = false;
    const fired: string[] = [];
    const scheduler = start((due) => {
      if (due.deadline.subject === 'prod:gone') return { do: 'drop' };
      if (!ready) return { do: 'wait' };
      return { do: 'fire', act: async () => void fired.push(due.deadline.subject) };
    });
    await scheduler.open();
    await schedule(scheduler, 'prod:a', T0);
    await schedule(scheduler, 'prod:gone', T0);
    expect(fired).toEqual([]);
    expect(scheduler.state().deadlines.map((d) => d.subject)).toEqual(['prod:a']);

    ready = true;
    await scheduler.check();
    expect(fired).toEqual(['prod:a']);
  });

  it('notices a wall-clock jump against the monotonic clock and fires what it made due', async () => {
    const fired: string[] = [];
    const scheduler = start((due) => ({
      do: 'fire',
      act: async () => void fired.push(due.deadline.subject),
    }));
    await scheduler.open();
    await schedule(scheduler, 'prod:a', T0 + 3_600_000);

    wall += 3_600_000; // asleep for an hour: the monotonic clock did not move
    await scheduler.resume();

    expect(fired).toEqual(['prod:a']);
    expect(scheduler.stats().jumps).toBe(1);
    expect(logs.some((line) => line.includes('moved 3600 s ahead'))).toBe(true);
  });

  it('wakes itself with its timer when a deadline comes due', async () => {
    const scheduler = start(
      (due) => ({ do: 'fire', act: async () => arrived(due.deadline.subject) }),
      () => new Date(),
    );
    let arrived: (subject: string) => void = () => undefined;
    const arrival = new Promise<string>((resolve) => (arrived = resolve));
    await scheduler.open();
    // Far enough ahead that the check after the write cannot already find it due.
    await schedule(scheduler, 'prod:soon', Date.now() + 500);
    expect(await arrival).toBe('prod:soon');
    expect(scheduler.stats().wakeUps).toBeGreaterThan(0);
  });

  it('keeps an unreadable file aside, says where, and starts with nothing scheduled', async () => {
    const first = start(() => ({ do: 'fire' }));
    await first.open();
    await first.close();
    await writeFile(path.join(dir, 'deadlines.json'), '{"version": 1, "deadl');

    const scheduler = start(() => ({ do: 'fire' }));
    await scheduler.open();

    expect(scheduler.state().deadlines).toEqual([]);
    const kept = (await readdir(dir)).filter((name) =>
      name.startsWith('deadlines.json.unreadable-'),
    );
    expect(kept).toHaveLength(1);
    expect(logs.join('\n')).toContain(`kept as ${path.join(dir, kept[0] ?? '')}`);
  });
});
