import { parseEventTime, splitLeadingTime } from '../../../shared/incident/event-time';
import type { ManualTimelineKind } from '../../../shared/incident/schema';
import { formatZonedClock, zonedDayWord } from '../incident/zoned-time';

/** What the composer will send for the line typed so far, and what it says about it. */
export interface ComposerLine {
  /** The entry's text, the leading time, the kind prefix and an action's `@owner` taken off. */
  text: string;
  /** The time as typed (`14:23`), sent as is: the app reads it again when it writes the entry. */
  time?: string;
  /** The kind a prefix (`d:`, `a:`, `h:`, `m:`, `n:`) asks for; absent without one. */
  kind?: ManualTimelineKind;
  /** For `a:`, the owner named with `@owner` (without the `@`). */
  owner?: string;
  /**
   * The preview under the input: when the entry will be placed (`14:23 today`), or why the time
   * cannot be used. Absent when no time was typed (the entry is placed now).
   */
  preview?: { ok: true; text: string; at: string } | { ok: false; text: string };
  /** Why Enter would not send this line, when that is not obvious (nothing typed). */
  problem?: string;
  /** True when Enter would send something (there is text, and a typed time that reads). */
  ready: boolean;
}

/** The prefixes the scribe types for a kind, and the kinds they pick. */
export const KIND_PREFIXES: Readonly<Record<string, ManualTimelineKind>> = {
  n: 'note',
  d: 'decision',
  a: 'action',
  h: 'hypothesis',
  m: 'mitigation',
};

/**
 * Take a kind prefix off the start of a text: `d: roll back` is a decision "roll back".
 * @param text - the line after any leading time
 */
function splitPrefix(text: string): { kind?: ManualTimelineKind; text: string } {
  const match = /^([a-zA-Z]):(?:\s+|$)([\s\S]*)$/.exec(text);
  const kind = match?.[1] === undefined ? undefined : KIND_PREFIXES[match[1].toLowerCase()];
  if (match === null || kind === undefined) return { text };
  return { kind, text: (match[2] ?? '').trim() };
}

/**
 * Take the owner off an action's text: the last `@name` in it.
 * @param text - the action's text
 */
function splitOwner(text: string): { owner?: string; text: string } {
  const matches = [...text.matchAll(/(^|\s)@([^\s@]+)/g)];
  const last = matches[matches.length - 1];
  if (last?.[2] === undefined) return { text };
  const start = (last.index ?? 0) + (last[1] ?? '').length;
  const rest = `${text.slice(0, start)}${text.slice(start + last[2].length + 1)}`;
  return { owner: last[2], text: rest.replace(/\s+/g, ' ').trim() };
}

/**
 * Read what the scribe typed: `14:23 restarted the pool` is "restarted the pool" at 14:23 — the
 * most recent 14:23 that is not in the future, in the scribe's zone, as the app reads it. After
 * the time, a prefix picks the kind: `d:` decision, `h:` hypothesis, `m:` mitigation, `n:` note,
 * and `a: roll back @sam` an action item owned by sam (an action item is dated when it is
 * written, so it takes no typed time).
 * @param line - the input's value
 * @param options - the current moment and the zone typed times are read in
 */
export function readComposerLine(
  line: string,
  options: { nowMs: number; timeZone: string },
): ComposerLine {
  const timed = splitLeadingTime(line);
  const prefixed = splitPrefix(timed.text);
  const owned = prefixed.kind === 'action' ? splitOwner(prefixed.text) : { text: prefixed.text };
  const read: ComposerLine = { text: owned.text, ready: owned.text !== '' };
  if (prefixed.kind !== undefined) read.kind = prefixed.kind;
  if (owned.owner !== undefined) read.owner = owned.owner;
  if (timed.time === undefined) return read;
  read.time = timed.time;
  const parsed = parseEventTime(timed.time, {
    now: new Date(options.nowMs),
    timeZone: options.timeZone,
  });
  if (!parsed.ok) return { ...read, preview: { ok: false, text: parsed.error }, ready: false };
  const clock = formatZonedClock(parsed.at, options.timeZone);
  const day = zonedDayWord(parsed.at, options.timeZone, options.nowMs);
  read.preview = { ok: true, text: `${clock} ${day}`, at: parsed.at };
  if (read.kind === 'action') {
    read.problem =
      'An action item is dated when it is written: leave out the time, or write a decision (d:).';
    read.ready = false;
  }
  return read;
}
