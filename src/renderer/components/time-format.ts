// Times as an on-call engineer reads them at a glance: short, in words, in the local clock.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A duration in the largest two units that matter: "<1 min", "12 min", "2 h 5 min", "3 d 4 h".
 * Negative durations (a clock a little ahead of ours) count as zero.
 * @param ms - the duration
 */
export function formatDuration(ms: number): string {
  const d = Math.max(0, ms);
  if (d < MINUTE) return '<1 min';
  if (d < HOUR) return `${Math.floor(d / MINUTE)} min`;
  if (d < DAY) {
    const h = Math.floor(d / HOUR);
    const m = Math.floor((d % HOUR) / MINUTE);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const days = Math.floor(d / DAY);
  const h = Math.floor((d % DAY) / HOUR);
  return h === 0 ? `${days} d` : `${days} d ${h} h`;
}

/**
 * Like {@link formatDuration} but in seconds below a minute ("10 s"), for things that happen
 * every few seconds (polls, retries).
 * @param ms - the duration
 */
export function formatShortDuration(ms: number): string {
  const d = Math.max(0, ms);
  if (d < MINUTE) return `${Math.floor(d / 1000)} s`;
  return formatDuration(d);
}

/**
 * How long ago, in seconds when recent: "just now", "10 s ago", "3 min ago".
 * @param then - epoch ms
 * @param now - epoch ms
 */
export function formatAgo(then: number, now: number): string {
  const d = now - then;
  if (d < 2000) return 'just now';
  return `${formatShortDuration(d)} ago`;
}

/**
 * How long until, for a countdown: "in 20 s", or "now" once due.
 * @param at - epoch ms
 * @param now - epoch ms
 */
export function formatIn(at: number, now: number): string {
  const d = at - now;
  if (d < 1000) return 'now';
  return `in ${formatShortDuration(Math.ceil(d / 1000) * 1000)}`;
}

/**
 * A wall-clock time in the local zone, 24-hour: "14:02" today, "3 Mar 14:02" another day.
 * @param at - the instant
 * @param now - today, for deciding whether to show the date
 */
export function formatClockTime(at: Date, now: Date): string {
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay =
    at.getFullYear() === now.getFullYear() &&
    at.getMonth() === now.getMonth() &&
    at.getDate() === now.getDate();
  if (sameDay) return time;
  const year = at.getFullYear() === now.getFullYear() ? '' : ` ${at.getFullYear()}`;
  return `${at.getDate()} ${MONTHS[at.getMonth()] ?? ''}${year} ${time}`;
}

/**
 * A full local timestamp for tooltips and details: "2024-03-03 14:02:09".
 * @param at - the instant
 */
export function formatTimestamp(at: Date): string {
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ` +
    `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
  );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
