import { parseEventTime, splitLeadingTime } from '../../../shared/incident/event-time';
import { formatZonedClock, zonedDayWord } from '../incident/zoned-time';

/** What the composer will send for the line typed so far, and what it says about it. */
export interface ComposerLine {
  /** The entry's text, the leading time taken off. */
  text: string;
  /** The time as typed (`14:23`), sent as is: the app reads it again when it writes the entry. */
  time?: string;
  /**
   * The preview under the input: when the entry will be placed (`14:23 today`), or why the time
   * cannot be used. Absent when no time was typed (the entry is placed now).
   */
  preview?: { ok: true; text: string; at: string } | { ok: false; text: string };
  /** True when Enter would send something (there is text, and a typed time that reads). */
  ready: boolean;
}

/**
 * Read what the scribe typed: `14:23 restarted the pool` is "restarted the pool" at 14:23 — the
 * most recent 14:23 that is not in the future, in the scribe's zone, as the app reads it.
 * @param line - the input's value
 * @param options - the current moment and the zone typed times are read in
 */
export function readComposerLine(
  line: string,
  options: { nowMs: number; timeZone: string },
): ComposerLine {
  const { time, text } = splitLeadingTime(line);
  if (time === undefined) return { text, ready: text !== '' };
  const parsed = parseEventTime(time, {
    now: new Date(options.nowMs),
    timeZone: options.timeZone,
  });
  if (!parsed.ok) return { text, time, preview: { ok: false, text: parsed.error }, ready: false };
  const clock = formatZonedClock(parsed.at, options.timeZone);
  const day = zonedDayWord(parsed.at, options.timeZone, options.nowMs);
  return {
    text,
    time,
    preview: { ok: true, text: `${clock} ${day}`, at: parsed.at },
    ready: text !== '',
  };
}
