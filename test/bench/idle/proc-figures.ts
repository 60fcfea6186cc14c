import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What /proc says about one process at one moment (Linux only). */
export interface ProcReading {
  /** When it was read (performance.now()). */
  readonly at: number;
  /** CPU time of every thread, alive or gone, in seconds: utime + stime of /proc/PID/stat. */
  readonly cpuSeconds: number;
  /**
   * Times the main thread was switched out (voluntary + nonvoluntary): each is a sleep that
   * something ended, which is what costs a laptop its deep idle states.
   */
  readonly mainThreadSwitches: number;
  /** Resident memory, in bytes: total, anonymous (heaps, stacks) and file-backed (code). */
  readonly rss: number;
  readonly rssAnon: number;
  readonly rssFile: number;
}

// Clock ticks per second for /proc/PID/stat; 100 nearly everywhere, but asked, not assumed.
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/**
 * Read a process's CPU time, main-thread context switches and resident memory.
 * @param pid - a live process
 */
export function readProc(pid: number): ProcReading {
  const at = performance.now();
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 (utime, stime) are the 12th and 13th after the name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  const thread = statusFields(`/proc/${pid}/task/${pid}/status`);
  const status = statusFields(`/proc/${pid}/status`);
  return {
    at,
    cpuSeconds: ticks / ticksPerSecond,
    mainThreadSwitches:
      (thread.get('voluntary_ctxt_switches') ?? 0) +
      (thread.get('nonvoluntary_ctxt_switches') ?? 0),
    rss: (status.get('VmRSS') ?? 0) * 1024,
    rssAnon: (status.get('RssAnon') ?? 0) * 1024,
    rssFile: (status.get('RssFile') ?? 0) * 1024,
  };
}

/** CPU use and wake-ups between two readings of one process. */
export interface IdleRates {
  /** Percent of one core. */
  readonly cpuPercent: number;
  /** Main-thread context switches per second. */
  readonly wakeupsPerSecond: number;
}

/**
 * The rates between two readings.
 * @param before - the earlier reading
 * @param after - the later one
 */
export function ratesBetween(before: ProcReading, after: ProcReading): IdleRates {
  const seconds = (after.at - before.at) / 1000;
  return {
    cpuPercent: ((after.cpuSeconds - before.cpuSeconds) / seconds) * 100,
    wakeupsPerSecond: (after.mainThreadSwitches - before.mainThreadSwitches) / seconds,
  };
}

// `Key:   123 kB` or `key:\t123` lines, numbers only.
function statusFields(file: string): Map<string, number> {
  const fields = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(\w+):\s+(\d+)/.exec(line);
    if (match?.[1] && match[2]) fields.set(match[1], Number(match[2]));
  }
  return fields;
}
