import type { IncidentSnapshot } from '../../../../shared/incident/schema';
import { statusUpdateDue } from '../../../../shared/incident/read-incident';
import { formatDuration } from '../../../components/time-format';

/** How the countdown looks: quiet, warning (due soon), danger (overdue), or none owed. */
export type CountdownTone = 'none' | 'ok' | 'soon' | 'overdue';

/** The countdown to the next status update, as the panel shows it. */
export interface Countdown {
  tone: CountdownTone;
  /**
   * `12 min 34 s` left (`1 h 02 min 03 s` past an hour), `3 min 10 s late`; absent when none is
   * owed. In words, not `12:34`, which beside a due time reads as a clock time already past.
   */
  clock?: string;
  /** The same in words, also what a screen reader hears. */
  text: string;
}

/**
 * Under this much time left the countdown turns to the warning colour. The same five minutes
 * as the header's "update in …" (next-update.ts), so the two never disagree.
 */
export const SOON_SECONDS = 5 * 60;

/**
 * Seconds as a ticking duration in words: `14 min 58 s`, `1 h 02 min 03 s` from an hour on
 * (cadences go up to a day). Seconds (and minutes past an hour) keep two digits, so the text
 * does not jump about as it ticks.
 * @param seconds - whole seconds, not negative
 */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min ${ss} s` : `${m} min ${ss} s`;
}

/**
 * Where the next status update stands at `nowMs`, in the words and colour the panel shows.
 * @param incident - the incident's cadence, due time and status
 * @param nowMs - the current moment
 */
export function statusCountdown(
  incident: Pick<IncidentSnapshot, 'nextUpdateDueAt' | 'statusCadenceMinutes' | 'status'>,
  nowMs: number,
): Countdown {
  const due = statusUpdateDue(incident, new Date(nowMs));
  switch (due.state) {
    case 'none':
      if (incident.status === 'resolved' || incident.status === 'closed') {
        return { tone: 'none', text: `none owed: the incident is ${incident.status}` };
      }
      return { tone: 'none', text: 'none scheduled' };
    case 'due':
      return {
        tone: due.secondsLeft <= SOON_SECONDS ? 'soon' : 'ok',
        clock: clockText(due.secondsLeft),
        text: `due in ${formatDuration(due.secondsLeft * 1000)}`,
      };
    case 'overdue':
      return {
        tone: 'overdue',
        clock: `${clockText(due.secondsLate)} late`,
        text: `overdue by ${formatDuration(due.secondsLate * 1000)}`,
      };
  }
}

/** What the cadence field was read as. */
export type CadenceReading = { ok: true; minutes: number | null } | { ok: false; error: string };

/**
 * The cadence as typed: whole minutes from 1 to 1440, or empty / `none` for no schedule.
 * @param text - what is in the field
 */
export function readCadence(text: string): CadenceReading {
  const raw = text.trim().toLowerCase();
  if (raw === '' || raw === 'none') return { ok: true, minutes: null };
  const minutes = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    return { ok: false, error: 'Type whole minutes from 1 to 1440, or leave it empty for none.' };
  }
  return { ok: true, minutes };
}

/**
 * The cadence in a sentence: `every 30 min`, `every hour`, `none scheduled`.
 * @param minutes - minutes between updates, or null
 */
export function cadenceWords(minutes: number | null): string {
  if (minutes === null) return 'none scheduled';
  if (minutes === 60) return 'every hour';
  if (minutes % 60 === 0) return `every ${minutes / 60} hours`;
  return `every ${minutes} min`;
}
