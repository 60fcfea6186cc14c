import { formatDuration } from '../../components/time-format';

/** The next status update in words, and how urgent it looks. */
export interface NextUpdateText {
  text: string;
  tone: 'none' | 'due' | 'soon' | 'overdue';
}

/** Under this, "due in" turns into a warning. */
const SOON_MS = 5 * 60_000;

/**
 * When the next status update is owed: `update in 12 min`, `update overdue by 3 min`, or none.
 * @param nextUpdateDueAt - from the incident or its summary
 * @param nowMs - the current moment
 */
export function nextUpdateText(nextUpdateDueAt: string | undefined, nowMs: number): NextUpdateText {
  const due = nextUpdateDueAt === undefined ? NaN : Date.parse(nextUpdateDueAt);
  if (Number.isNaN(due)) return { text: 'no update scheduled', tone: 'none' };
  const left = due - nowMs;
  if (left < 0) return { text: `update overdue by ${formatDuration(-left)}`, tone: 'overdue' };
  return { text: `update in ${formatDuration(left)}`, tone: left <= SOON_MS ? 'soon' : 'due' };
}
